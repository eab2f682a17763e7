/**
 * The account's capabilities for an element (`GET /api/v1/capabilities`): loaded when the element connects
 * or gets a new client, retried with backoff when the server says the failure is retryable, cancelled when
 * the element leaves the document. The widget shows exactly the steps these allow.
 *
 * Why not a query-core observer (DESIGN §6.5): measured in this bundle, QueryClient + QueryObserver cost
 * 9.2 KB gzip, which alone breaks the 30 KB budget once lit, zod/mini with the contract (24.9 KB together
 * with query-core) and the widget's own code are in. One GET per element needs retry and cancellation,
 * which the request controller already gives.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { isApiError } from "../api/api-error.ts";
import type { ApiClient } from "../api/client.ts";
import type { CapabilitiesResponse } from "../shared/contract.schema.ts";
import { pause } from "./pause.ts";
import { RequestController } from "./request-controller.ts";

/** Tries after the first: a wrong token or a missing route will not get better by asking again. */
const RETRIES = 2;

/** What the element reads: the capabilities once loaded, or the error that stopped loading them. */
export interface CapabilitiesResult {
  data: CapabilitiesResponse | null;
  error: unknown;
  isError: boolean;
}

export interface CapabilitiesOptions {
  /** Called with every successful load, before the host renders it. */
  onLoad?: (data: CapabilitiesResponse) => void;
}

export class CapabilitiesController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: CapabilitiesOptions;
  readonly #requests: RequestController;
  #client: ApiClient | null = null;
  #connected = false;
  result: CapabilitiesResult = { data: null, error: null, isError: false };

  constructor(host: ReactiveControllerHost, options: CapabilitiesOptions = {}) {
    this.#host = host;
    this.#options = options;
    this.#requests = new RequestController(host);
    host.addController(this);
  }

  /** Points at another client (the `api` or `token` attribute changed): the account may differ, so reload. */
  setClient(client: ApiClient | null): void {
    this.#client = client;
    this.result = { data: null, error: null, isError: false };
    if (this.#connected) void this.load();
  }

  /** Loads (again), e.g. from the "Try again" button after a failure. */
  async load(): Promise<void> {
    const client = this.#client;
    if (!client) return this.#requests.abort("capabilities");
    this.result = { data: null, error: null, isError: false };
    const settled = await this.#requests.run("capabilities", async (signal) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await client.capabilities({ signal });
        } catch (error) {
          if (attempt >= RETRIES || !isApiError(error) || !error.retryable) throw error;
          await pause((error.retryAfterSeconds ?? 2 ** attempt) * 1000, signal);
        }
      }
    });
    if (settled.status === "ok") {
      this.result = { data: settled.value, error: null, isError: false };
      this.#options.onLoad?.(settled.value);
    } else if (settled.status === "error") this.result = { data: null, error: settled.error, isError: true };
    else return;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    // Loaded once per client; reconnecting (the element moved in the page) does not ask again.
    if (!this.result.data) void this.load();
  }

  hostDisconnected(): void {
    this.#connected = false;
  }
}
