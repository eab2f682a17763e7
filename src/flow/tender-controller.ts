/**
 * Drives split tender for an element: keeps the tender state, runs each item's redeem or release in its
 * own request lane (so one voucher's answer never touches another's), and gives every held voucher its own
 * countdown, and a voucher whose redeem the server asked to try again later its own wait before Retry
 * (`RetryWait`, as the single voucher's Redeem has). Countdowns and waits are controllers added to the host
 * while their item needs them and removed with it, so nothing outlives the element or the item.
 */
import type { ReactiveControllerHost } from "lit";
import type { ApiClient } from "../api/client.ts";
import type { Hold } from "../shared/contract.schema.ts";
import { CountdownController } from "./countdown-controller.ts";
import { toFlowError } from "./flow-controller.ts";
import { type FlowError, type Operation, retryWaitOf } from "./machine.ts";
import { RequestController, type Settled } from "./request-controller.ts";
import { RetryWait } from "./retry-wait.ts";
import {
  emptyTender,
  ItemState,
  redeemable,
  stillHeld,
  type TenderAction,
  type TenderItem,
  type TenderState,
  tenderTransition,
} from "./tender.ts";

export interface TenderOptions {
  client: () => ApiClient | null;
  /** The server's current time in epoch ms (the API client's clock). */
  now: () => number;
  /** Seconds-left marks at which a held voucher warns. */
  thresholds: readonly number[];
  onChange: (next: TenderState, previous: TenderState, action: TenderAction) => void;
  onWarn: (item: TenderItem, secondsLeft: number) => void;
}

export class TenderController {
  readonly #host: ReactiveControllerHost;
  readonly #options: TenderOptions;
  readonly #requests: RequestController;
  readonly #countdowns = new Map<string, CountdownController>();
  readonly #waits = new Map<string, RetryWait>();
  state: TenderState = emptyTender;

  constructor(host: ReactiveControllerHost, options: TenderOptions) {
    this.#host = host;
    this.#options = options;
    this.#requests = new RequestController(host);
  }

  dispatch(action: TenderAction): TenderState {
    const previous = this.state;
    const next = tenderTransition(previous, action);
    if (next === previous) return next;
    this.state = next;
    this.#syncTimers(previous);
    this.#host.requestUpdate();
    this.#options.onChange(next, previous, action);
    return next;
  }

  /** Milliseconds left on an item's hold (0 once it has run out or is no longer counted). */
  remainingMs(id: string): number {
    return this.#countdowns.get(id)?.remainingMs ?? 0;
  }

  /** Whole seconds before an item's failed redeem may be retried, as the server asked (0: now). */
  retryIn(id: string): number {
    return this.#waits.get(id)?.seconds ?? 0;
  }

  add(hold: Hold): void {
    this.dispatch({ type: "add", hold });
  }

  /**
   * Redeems every held voucher (and retries the failed ones that may be retried and need not wait any
   * more), each with its order reference (the sale's). They run side by side; each settles on its own.
   */
  async redeemAll(orderRefFor: (holdId: string) => string): Promise<void> {
    await Promise.all(redeemable(this.state).map((item) => this.redeem(item.hold.id, orderRefFor(item.hold.id))));
  }

  /**
   * Redeems one voucher. A retry after a failure sends the same body, so the client reuses its key; none is
   * sent while the server's wait runs.
   */
  async redeem(id: string, orderRef: string): Promise<void> {
    const client = this.#options.client();
    if (!client || this.retryIn(id) || this.#stateOf(this.dispatch({ type: "redeem", id }), id) !== ItemState.Redeeming)
      return;
    const result = await this.#requests.run(
      `redeem:${id}`,
      (signal) => client.redeemHold(id, { orderRef }, { signal }),
      false,
    );
    if (result.status === "ok") this.dispatch({ type: "redeemed", id, redemption: result.value.redemption });
    else this.#fail(id, result, "redeem");
  }

  /** Releases every voucher still held or failed, each on its own. */
  async releaseAll(): Promise<void> {
    await Promise.all(this.state.items.filter(stillHeld).map((item) => this.release(item.hold.id)));
  }

  /** Releases one voucher, taking it off the sale. */
  async release(id: string): Promise<void> {
    const client = this.#options.client();
    if (!client || this.#stateOf(this.dispatch({ type: "release", id }), id) !== ItemState.Releasing) return;
    const result = await this.#requests.run(`release:${id}`, (signal) => client.releaseHold(id, { signal }));
    if (result.status === "ok") this.dispatch({ type: "released", id });
    else this.#fail(id, result, "release");
  }

  /**
   * Empties the list. Held vouchers are released on the way out where the account can release (so an
   * abandoned sale does not keep them locked until they lapse); redeemed ones stay redeemed.
   */
  clear(canRelease: boolean): void {
    const client = this.#options.client();
    if (client && canRelease) {
      for (const item of this.state.items.filter(stillHeld)) {
        client.releaseHold(item.hold.id, { signal: AbortSignal.timeout(15_000) }).catch(() => undefined);
      }
    }
    this.dispatch({ type: "clear" });
  }

  #stateOf(state: TenderState, id: string): ItemState | undefined {
    return state.items.find((item) => item.hold.id === id)?.state;
  }

  #fail(id: string, result: Settled<unknown>, operation: Operation): void {
    if (result.status === "stale") return;
    const error =
      result.status === "error"
        ? toFlowError(result.error, operation)
        : { code: "NETWORK_ERROR", operation, retryable: true };
    this.dispatch({ type: "fail", id, error });
  }

  /**
   * One countdown per item whose hold still counts (held, or failed and retryable), none for the rest; and
   * for such an item whose error changed, the wait that error asks for before a retry (none: no wait).
   */
  #syncTimers(previous: TenderState): void {
    const counting = new Set<string>();
    for (const item of this.state.items) {
      if (item.state === ItemState.Redeemed) continue;
      const id = item.hold.id;
      counting.add(id);
      let countdown = this.#countdowns.get(id);
      if (!countdown) {
        countdown = new CountdownController(this.#host, {
          now: this.#options.now,
          thresholds: this.#options.thresholds,
          onWarn: (secondsLeft) => {
            const current = this.state.items.find((i) => i.hold.id === id);
            if (current) this.#options.onWarn(current, secondsLeft);
          },
          onExpire: () => this.dispatch({ type: "expire", id }),
        });
        this.#countdowns.set(id, countdown);
      }
      countdown.start(item.hold.expiresAt);
      if (item.error !== previous.items.find((i) => i.hold.id === id)?.error) this.#waitFor(id, item.error);
    }
    for (const timers of [this.#countdowns, this.#waits]) {
      for (const [id, timer] of timers) {
        if (counting.has(id)) continue;
        timer.stop();
        timer.hostDisconnected();
        this.#host.removeController(timer);
        timers.delete(id);
      }
    }
  }

  /** Starts or ends an item's wait before a retry; its countdown is made the first time an error asks for one. */
  #waitFor(id: string, error: FlowError | null): void {
    let wait = this.#waits.get(id);
    if (!wait && retryWaitOf(error)) {
      wait = new RetryWait(this.#host);
      this.#waits.set(id, wait);
    }
    wait?.follow(error);
  }
}
