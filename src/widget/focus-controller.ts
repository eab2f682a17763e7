/**
 * Where focus goes once an update is rendered: the element names the place (`target`, a shadow-root
 * selector) and the controller focuses it after the render, but only while the person is working in this
 * widget (a pointer or key in it, or focus inside it). Once focus has gone elsewhere on the page, results
 * coming in no longer pull it back. Its listeners are on the shadow root, removed with the element.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** Focuses where the next keystroke belongs; a field the error is about is selected, so typing replaces it. */
export function focusInto(element: HTMLElement | null | undefined): void {
  element?.focus();
  if (element instanceof HTMLInputElement && element.getAttribute("aria-invalid") === "true") element.select();
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const ENGAGING = ["pointerdown", "keydown", "click"] as const;

export class FocusController implements ReactiveController {
  /** Where focus goes after the next update (consumed by it); null leaves focus where it is. */
  target: string | null = null;
  readonly #host: Host;
  /** The person is working in this widget (so moving focus follows them rather than stealing it). */
  #interacting = false;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    for (const type of ENGAGING) root.addEventListener(type, this.#engage);
    root.addEventListener("focusout", this.#leave as EventListener);
  }

  hostDisconnected(): void {
    const root = this.#host.renderRoot;
    for (const type of ENGAGING) root.removeEventListener(type, this.#engage);
    root.removeEventListener("focusout", this.#leave as EventListener);
  }

  hostUpdated(): void {
    const target = this.target;
    this.target = null;
    if (target && (this.#interacting || this.#host.matches(":focus-within"))) {
      focusInto(this.#host.renderRoot.querySelector<HTMLElement>(target));
    }
  }

  #engage = (): void => {
    this.#interacting = true;
  };

  #leave = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    // Focus went somewhere else on the page: from now on, results do not pull focus back.
    if (to && to !== this.#host && !this.#host.renderRoot.contains(to)) this.#interacting = false;
  };
}
