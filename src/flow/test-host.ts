/**
 * A stand-in for a Lit element in controller tests: records controllers and update requests, and can be
 * connected and disconnected like an element. Test-only (imported by `*.test.ts`).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

export class TestHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);

  #connected = false;

  /** Like Lit: a controller added to a connected host is connected at once. */
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
    if (this.#connected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(controller), 1);
  }

  requestUpdate(): void {
    this.updates++;
  }

  connect(): void {
    this.#connected = true;
    for (const c of this.controllers) c.hostConnected?.();
  }

  disconnect(): void {
    this.#connected = false;
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}
