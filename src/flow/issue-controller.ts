/**
 * Drives selling a voucher for an element: the issue reducer's state plus the one call it needs. The
 * idempotency key is kept per intent by the API client, so pressing "Sell voucher" again after a lost
 * answer replays the first sale instead of selling a second voucher.
 */
import type { ReactiveControllerHost } from "lit";
import type { ApiClient } from "../api/client.ts";
import type { IssueRequest } from "../shared/contract.schema.ts";
import { toFlowError } from "./flow-controller.ts";
import { type IssueAction, IssuePhase, type IssueState, initialIssueState, transitionIssue } from "./issue-machine.ts";
import { RequestController } from "./request-controller.ts";

export interface IssueOptions {
  client: () => ApiClient | null;
  onChange: (next: IssueState, previous: IssueState) => void;
}

/** Not a controller itself: its only lifecycle need (abort on disconnect) is the request controller's. */
export class IssueController {
  readonly #host: ReactiveControllerHost;
  readonly #options: IssueOptions;
  readonly #requests: RequestController;
  state: IssueState = initialIssueState;

  constructor(host: ReactiveControllerHost, options: IssueOptions) {
    this.#host = host;
    this.#options = options;
    this.#requests = new RequestController(host);
  }

  dispatch(action: IssueAction): IssueState {
    const previous = this.state;
    const next = transitionIssue(previous, action);
    if (next !== previous) {
      this.state = next;
      this.#host.requestUpdate();
      this.#options.onChange(next, previous);
    }
    return next;
  }

  async issue(request: IssueRequest): Promise<void> {
    const client = this.#options.client();
    if (!client || this.dispatch({ type: "issue" }).phase !== IssuePhase.Issuing) return;
    const result = await this.#requests.run("issue", (signal) => client.issueVoucher(request, { signal }), false);
    if (this.state.phase !== IssuePhase.Issuing) return;
    if (result.status === "ok") this.dispatch({ type: "issued", voucher: result.value.voucher });
    else if (result.status === "error") this.dispatch({ type: "fail", error: toFlowError(result.error, "issue") });
    else this.dispatch({ type: "fail", error: { code: "NETWORK_ERROR", operation: "issue", retryable: true } });
  }
}
