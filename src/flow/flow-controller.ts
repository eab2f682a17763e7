/**
 * Drives the redemption flow for an element: holds the reducer's state, runs each intent's API call
 * through the request controller, and dispatches what came back. Side effects live here and only here;
 * `transition` decides what they mean. The element hears about every change through `onChange`. A failed
 * redeem the server asked to try again later keeps its wait here (`retryWait`), as each split-tender
 * voucher's does in the tender controller.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { isApiError } from "../api/api-error.ts";
import type { ApiClient } from "../api/client.ts";
import type { CheckRequest, Hold, HoldRequest } from "../shared/contract.schema.ts";
import { type EntryFields, type EntryRules, readCheck, readHold } from "./entry-input.ts";
import {
  type Field,
  type FlowAction,
  type FlowError,
  type FlowState,
  initialState,
  type Operation,
  Phase,
  transition,
} from "./machine.ts";
import { type FlowRules, fullValueOf, sameRules, stepFor } from "./offer.ts";
import { RequestController, type Settled } from "./request-controller.ts";
import { RetryWait } from "./retry-wait.ts";

/** Which field a server refusal is about, so the widget can mark it. */
const fieldOf: Record<string, Field> = {
  VOUCHER_INVALID: "code",
  VOUCHER_EXPIRED: "code",
  VOUCHER_INACTIVE: "code",
  VOUCHER_HELD: "code",
  PIN_REQUIRED: "pin",
  PIN_LOCKED: "pin",
  INSUFFICIENT_BALANCE: "amount",
  CURRENCY_MISMATCH: "amount",
};

/** An ApiError (or anything else thrown) as the flow keeps it. */
export function toFlowError(error: unknown, operation: Operation): FlowError {
  if (!isApiError(error)) return { code: "INTERNAL", operation, retryable: true };
  let field: Field | undefined = fieldOf[error.code];
  if (error.code === "INVALID_REQUEST") {
    const path = error.errors?.[0]?.path ?? "";
    field = (["code", "pin", "amount", "validUntil"] as const).find((f) => path === f || path.startsWith(`${f}.`));
  }
  return {
    code: error.code,
    operation,
    retryable: error.retryable,
    ...(field ? { field } : {}),
    ...(error.status ? { status: error.status } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}

export interface FlowOptions {
  /** The current API client, or null while the element lacks `api` or a token. */
  client: () => ApiClient | null;
  onChange: (next: FlowState, previous: FlowState, action: FlowAction) => void;
}

export class FlowController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: FlowOptions;
  readonly #requests: RequestController;
  state: FlowState = initialState;
  /** The wait before a failed redeem may be tried again (its seconds re-render Redeem's countdown). */
  readonly retryWait: RetryWait;

  constructor(host: ReactiveControllerHost, options: FlowOptions) {
    this.#host = host;
    this.#options = options;
    this.#requests = new RequestController(host);
    this.retryWait = new RetryWait(host);
    host.addController(this);
  }

  /** Applies an action; renders and notifies only when the state really changed. */
  dispatch(action: FlowAction): FlowState {
    const previous = this.state;
    const next = transition(previous, action);
    if (next !== previous) {
      this.state = next;
      if (next.error !== previous.error) this.retryWait.follow(next.error);
      this.#host.requestUpdate();
      this.#options.onChange(next, previous, action);
    }
    return next;
  }

  /**
   * Takes the account's rules (its capabilities loaded). Unchanged rules (a refreshed token) leave the
   * flow alone; new ones start over, since a check or hold under way belonged to the previous account.
   */
  configure(rules: FlowRules): void {
    if (sameRules(rules, this.state.rules)) return;
    this.#requests.abort("voucher");
    this.#options.client()?.forgetIntents();
    this.dispatch({ type: "configure", rules });
  }

  /**
   * The entry form was sent: runs the step the account offers now (check, or hold, for the whole balance
   * where only full redemption exists), or fails with what is wrong with the input.
   */
  submit(fields: EntryFields, rules: Omit<EntryRules, "fullValue">): void {
    if (this.state.phase === Phase.Checking || this.state.phase === Phase.Holding) return;
    const step = stepFor(this.state);
    if (step === "check") {
      const parsed = readCheck(fields, rules);
      if (parsed.ok) void this.check(parsed.value);
      else this.dispatch({ type: "fail", error: parsed.error });
    } else if (step === "hold") {
      const parsed = readHold(fields, { ...rules, fullValue: fullValueOf(this.state) });
      if (parsed.ok) void this.hold(parsed.value);
      else this.dispatch({ type: "fail", error: parsed.error });
    }
  }

  async check(request: CheckRequest): Promise<void> {
    const client = this.#options.client();
    if (!client || this.dispatch({ type: "check" }).phase !== Phase.Checking) return;
    const result = await this.#requests.run("voucher", (signal) => client.checkVoucher(request, { signal }));
    if (result.status === "ok") this.dispatch({ type: "checked", voucher: result.value.voucher });
    else this.#fail(result, "check", Phase.Checking);
  }

  async hold(request: HoldRequest): Promise<void> {
    const client = this.#options.client();
    if (!client || this.dispatch({ type: "hold" }).phase !== Phase.Holding) return;
    // Not aborted by a newer call: a hold the server made must come back, if only to be released.
    const result = await this.#requests.run("voucher", (signal) => client.createHold(request, { signal }), false);
    if (result.status === "ok") {
      const { hold } = result.value;
      if (this.dispatch({ type: "held", hold }).hold?.id !== hold.id) this.#releaseOrphan(client, hold.id);
    } else {
      this.#fail(result, "hold", Phase.Holding);
    }
  }

  async extend(ttlSeconds?: number): Promise<void> {
    const client = this.#options.client();
    const id = this.state.hold?.id;
    if (!client || !id || this.dispatch({ type: "extend" }).busy !== "extend") return;
    const body = ttlSeconds ? { ttlSeconds } : {};
    const result = await this.#requests.run("hold", (signal) => client.extendHold(id, body, { signal }));
    if (result.status === "ok") this.dispatch({ type: "extended", hold: result.value.hold });
    else if (this.state.busy === "extend") this.#fail(result, "extend", Phase.Held);
  }

  async release(): Promise<void> {
    const client = this.#options.client();
    const id = this.state.hold?.id;
    if (!client || !id || this.dispatch({ type: "release" }).busy !== "release") return;
    const result = await this.#requests.run("hold", (signal) => client.releaseHold(id, { signal }));
    if (result.status === "ok") this.dispatch({ type: "released", hold: result.value.hold });
    else if (this.state.busy === "release") this.#fail(result, "release", Phase.Held);
  }

  async redeem(orderRef: string): Promise<void> {
    const client = this.#options.client();
    const id = this.state.hold?.id;
    if (!client || !id || this.dispatch({ type: "redeem" }).phase !== Phase.Redeeming) return;
    const result = await this.#requests.run("hold", (signal) => client.redeemHold(id, { orderRef }, { signal }), false);
    if (result.status === "ok") this.dispatch({ type: "redeemed", redemption: result.value.redemption });
    else this.#fail(result, "redeem", Phase.Redeeming);
  }

  /**
   * Starts over. A live hold is released on the way out (where the account can release), so abandoning
   * a sale does not keep the voucher locked until the hold lapses.
   */
  reset(canRelease: boolean): void {
    const client = this.#options.client();
    const { hold, phase } = this.state;
    if (client && hold && canRelease && phase === Phase.Held) this.#releaseOrphan(client, hold.id);
    this.#requests.abort("voucher");
    client?.forgetIntents();
    this.dispatch({ type: "reset" });
  }

  /**
   * Gives the live hold away (split tender keeps it from now on) and starts afresh for the next voucher,
   * without releasing it. Returns the hold, or null when there was none to give.
   */
  handOff(): Hold | null {
    const hold = this.state.phase === Phase.Held && !this.state.busy ? this.state.hold : null;
    if (hold) this.dispatch({ type: "handOff" });
    return hold;
  }

  hostDisconnected(): void {
    // The request controller aborted everything: a flow caught mid-request would wait forever.
    const { phase } = this.state;
    if (phase === Phase.Checking) this.dispatch({ type: "back" });
  }

  #fail(result: Settled<unknown>, operation: Operation, expected: Phase): void {
    // A stale answer (a newer call started) or one for a phase already left must not touch the state.
    if (result.status === "stale" || this.state.phase !== expected) return;
    const error: FlowError =
      result.status === "error"
        ? toFlowError(result.error, operation)
        : { code: "NETWORK_ERROR", operation, retryable: true };
    this.dispatch({ type: "fail", error });
  }

  /** Releases a hold nobody is waiting for any more; failure is harmless (it lapses by itself). */
  #releaseOrphan(client: ApiClient, id: string): void {
    client.releaseHold(id, { signal: AbortSignal.timeout(15_000) }).catch(() => undefined);
  }
}
