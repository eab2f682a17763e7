/**
 * Runs API calls for an element so that a stale answer never wins (DESIGN §6.4). Calls run in named lanes;
 * a new call in a lane makes the previous one stale (and aborts it, unless it moves money: a hold or a
 * redeem already sent is better finished than cut off, its answer is simply not applied). Everything still
 * running is aborted when the element leaves the document.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** How a call ended, from the caller's point of view. */
export type Settled<T> =
  | { status: "ok"; value: T }
  | { status: "error"; error: unknown }
  /** A newer call in the same lane started meanwhile: ignore this one. */
  | { status: "stale" }
  /** The element left the document (or `abortAll` was called) while the call ran. */
  | { status: "aborted" };

interface Running {
  controller: AbortController;
  /** False for calls that move money: a newer call leaves them running (their answer is still stale). */
  abortable: boolean;
}

export class RequestController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #lanes = new Map<string, Running>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True while any lane has a call running. */
  get busy(): boolean {
    return this.#lanes.size > 0;
  }

  /**
   * Runs `call` with a fresh AbortSignal in `lane`. A newer call in the lane makes this one's result stale,
   * and aborts it unless `abortable` is false (a hold or redeem already sent is better finished than cut off).
   */
  async run<T>(lane: string, call: (signal: AbortSignal) => Promise<T>, abortable = true): Promise<Settled<T>> {
    const previous = this.#lanes.get(lane);
    if (previous?.abortable) previous.controller.abort();
    const mine: Running = { controller: new AbortController(), abortable };
    this.#lanes.set(lane, mine);
    this.#host.requestUpdate();
    let settled: Settled<T>;
    try {
      settled = { status: "ok", value: await call(mine.controller.signal) };
    } catch (error) {
      settled = { status: "error", error };
    }
    const current = this.#lanes.get(lane) === mine;
    if (current) {
      this.#lanes.delete(lane);
      this.#host.requestUpdate();
    }
    if (!current) return { status: "stale" };
    return mine.controller.signal.aborted ? { status: "aborted" } : settled;
  }

  /** Cancels one lane's call if it may be cancelled (its result comes back as aborted). */
  abort(lane: string): void {
    const running = this.#lanes.get(lane);
    if (running?.abortable) running.controller.abort();
  }

  /** Cancels everything running. */
  abortAll(): void {
    for (const running of this.#lanes.values()) running.controller.abort();
  }

  hostDisconnected(): void {
    this.abortAll();
  }
}
