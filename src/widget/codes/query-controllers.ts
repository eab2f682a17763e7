/**
 * Thin Lit adapters for @tanstack/query-core (DESIGN §6.5): the element creates each observer once and calls
 * `setOptions` when its inputs change; the controller subscribes while the element is connected and asks
 * for an update on every new result. The client controller mounts the QueryClient (focus and online
 * listeners) while connected, and on removal clears it, so no refetch, retry or garbage-collection timer
 * outlives the element.
 */
import type { QueryClient } from "@tanstack/query-core";
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** What query-core's observers (query, infinite query, mutation) have in common. */
export interface Observer<R> {
  getCurrentResult(): R;
  subscribe(listener: (result: R) => void): () => void;
}

/** Holds an observer's latest result while the host is connected. */
export class ObserverController<R> implements ReactiveController {
  result: R;
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly observer: Observer<R>,
    /** Runs before subscribing, e.g. `setOptions` again so a query cleared on removal is rebuilt. */
    private readonly beforeConnect?: () => void,
  ) {
    this.result = observer.getCurrentResult();
    host.addController(this);
  }

  hostConnected(): void {
    this.beforeConnect?.();
    this.result = this.observer.getCurrentResult();
    this.#unsubscribe = this.observer.subscribe((result) => {
      this.result = result;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}

/**
 * Mounts a QueryClient while the host is connected. Add it after the observer controllers: Lit calls them
 * in order, so on removal the observers have unsubscribed before the client is cleared.
 */
export class QueryClientController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    readonly client: QueryClient,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.client.mount();
  }

  hostDisconnected(): void {
    // Cancels fetches and retries, and drops cached data with its garbage-collection timers.
    this.client.cancelQueries().catch(() => undefined);
    this.client.clear();
    this.client.unmount();
  }
}
