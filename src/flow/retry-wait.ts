/**
 * The wait before a failed redeem may be tried again, where the server asked for one (`retryAfterSeconds`,
 * `retryWaitOf`): the single voucher's Redeem and each split-tender voucher's Retry keep one each. It is a
 * countdown on this device's own clock (the wait is a length of time, not a server timestamp), added to
 * the host like any other, so no timer outlives the element.
 */
import type { ReactiveControllerHost } from "lit";
import { CountdownController } from "./countdown-controller.ts";
import { type FlowError, retryWaitOf } from "./machine.ts";

export class RetryWait extends CountdownController {
  constructor(host: ReactiveControllerHost) {
    super(host, { now: Date.now });
  }

  /**
   * Starts the wait an error asks for, counted from now, so it is called when the error changes (not on
   * every render); an error that asks for none, or none, ends the wait.
   */
  follow(error: FlowError | null): void {
    const wait = retryWaitOf(error);
    this.start(wait ? Date.now() + wait * 1000 : Number.NaN);
  }

  /** Whole seconds still to wait (0: the retry may go now). */
  get seconds(): number {
    return Math.ceil((this.remainingMs ?? 0) / 1000);
  }
}
