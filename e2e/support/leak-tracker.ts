/**
 * Finds what a widget leaves behind: an init script (installed before any page script runs) wraps the
 * timer functions, `addEventListener` / `removeEventListener`, the DOM observers and `fetch`, and keeps
 * every registration whose call stack runs through the widget's bundle (a script under the BFF's
 * `/widget/`). Lit's, the merchant page's and Playwright's own timers and listeners never match, so what
 * is left after the element is removed is the widget's alone.
 *
 * Install `page.clock` first: the tracker then wraps the fake timers, so `page.clock.runFor` fires what
 * it tracks.
 */
import type { Page } from "@playwright/test";

/** Something registered by the widget and not yet undone. */
export interface Live {
  kind: "timeout" | "interval" | "animation-frame" | "listener" | "observer" | "fetch";
  /** Timers: the delay; listeners: `window:resize`, `document:visibilitychange`; observers: the class. */
  what: string;
  /** The widget's frames of the stack that registered it (for the failure message). */
  where: string;
}

export interface LeakReport {
  /** Everything the widget has registered and not undone. */
  live: Live[];
  /** Of those, what outlives the element: all but observers that watch only the element's own nodes. */
  leaks: Live[];
}

type Tracker = {
  live: Map<number, Live & { target?: unknown; nodes?: Node[] }>;
};

/** The init script. Self-contained: Playwright sends its source to the page. */
function track(widgetPrefix: string): void {
  const w = window as unknown as { __leaks: Tracker };
  if (w.__leaks) return;
  const live: Tracker["live"] = new Map();
  w.__leaks = { live };
  let next = 1;
  /** The widget's frames of the current stack, or null when the call did not come from the widget. */
  const widgetFrames = (): string | null => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 60;
    const stack = new Error().stack ?? "";
    Error.stackTraceLimit = limit;
    const frames = stack.split("\n").filter((line) => line.includes(widgetPrefix));
    return frames.length ? frames.slice(0, 3).join(" | ") : null;
  };

  const timers = (kind: "timeout" | "interval", set: unknown, clear: unknown) => {
    const ids = new Map<unknown, number>();
    const wrappedSet = function (this: unknown, handler: TimerHandler, ms?: number, ...args: unknown[]) {
      const where = widgetFrames();
      const key = where ? next++ : 0;
      const run =
        typeof handler === "function" && key && kind === "timeout"
          ? function (this: unknown, ...a: unknown[]) {
              live.delete(key);
              ids.delete(id);
              return (handler as (...x: unknown[]) => unknown).apply(this, a);
            }
          : handler;
      const id = (set as (...a: unknown[]) => unknown).call(this, run, ms, ...args);
      if (where) {
        live.set(key, { kind, what: `${ms ?? 0} ms`, where });
        ids.set(id, key);
      }
      return id;
    };
    const wrappedClear = function (this: unknown, id?: unknown) {
      const key = ids.get(id);
      if (key) {
        live.delete(key);
        ids.delete(id);
      }
      return (clear as (id: unknown) => void).call(this, id);
    };
    return [wrappedSet, wrappedClear] as const;
  };
  const [st, ct] = timers("timeout", window.setTimeout, window.clearTimeout);
  const [si, ci] = timers("interval", window.setInterval, window.clearInterval);
  const globals = window as unknown as Record<string, unknown>;
  globals.setTimeout = st;
  globals.clearTimeout = ct;
  globals.setInterval = si;
  globals.clearInterval = ci;

  const raf = window.requestAnimationFrame;
  const caf = window.cancelAnimationFrame;
  const frames = new Map<number, number>();
  window.requestAnimationFrame = function (this: unknown, callback: FrameRequestCallback) {
    const where = widgetFrames();
    const key = where ? next++ : 0;
    const id = raf.call(this, (t) => {
      live.delete(key);
      callback(t);
    });
    if (where) {
      live.set(key, { kind: "animation-frame", what: "frame", where });
      frames.set(id, key);
    }
    return id;
  };
  window.cancelAnimationFrame = function (this: unknown, id: number) {
    live.delete(frames.get(id) ?? 0);
    return caf.call(this, id);
  };

  // Listeners on the long-lived targets: a listener on the element or its shadow tree goes with it.
  const name = (t: unknown): string | null => {
    if (t === window) return "window";
    if (t === document) return "document";
    if (t === document.documentElement) return "html";
    if (document.body && t === document.body) return "body";
    if (typeof MediaQueryList !== "undefined" && t instanceof MediaQueryList) return `matchMedia(${t.media})`;
    if (typeof VisualViewport !== "undefined" && t instanceof VisualViewport) return "visualViewport";
    return null;
  };
  const capture = (o?: boolean | AddEventListenerOptions) => (typeof o === "boolean" ? o : !!o?.capture);
  const listenerKey = (t: string, type: string, fn: unknown, c: boolean) => ({ t, type, fn, c });
  const listeners: { key: ReturnType<typeof listenerKey>; id: number }[] = [];
  const forget = (t: string, type: string, fn: unknown, c: boolean) => {
    const i = listeners.findIndex((l) => l.key.t === t && l.key.type === type && l.key.fn === fn && l.key.c === c);
    if (i >= 0) {
      live.delete(listeners[i]!.id);
      listeners.splice(i, 1);
    }
  };
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    add.call(this, type, fn, options);
    const target = name(this);
    const where = target && fn ? widgetFrames() : null;
    if (!target || !where) return;
    const c = capture(options);
    if (listeners.some((l) => l.key.t === target && l.key.type === type && l.key.fn === fn && l.key.c === c)) return;
    const id = next++;
    live.set(id, { kind: "listener", what: `${target}:${type}`, where });
    listeners.push({ key: listenerKey(target, type, fn, c), id });
    const gone = () => forget(target, type, fn, c);
    // A `once` listener goes after its event; one with a signal goes when the signal aborts.
    if (typeof options === "object" && options.once) add.call(this, type, gone, { once: true, capture: c });
    if (typeof options === "object" && options.signal) add.call(options.signal, "abort", gone, { once: true });
  };
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget,
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    remove.call(this, type, fn, options);
    const target = name(this);
    if (target) forget(target, type, fn, capture(options));
  };

  // Patched on the prototype (no class fields: Playwright's transpiled source cannot carry their helpers).
  for (const cls of ["MutationObserver", "ResizeObserver", "IntersectionObserver"] as const) {
    // biome-ignore lint/suspicious/noExplicitAny: the three observers' observe() differ in their arguments.
    type Method = (this: object, ...a: any[]) => void;
    const proto = (window[cls] as unknown as { prototype: { observe: Method; disconnect: Method } } | undefined)
      ?.prototype;
    if (!proto) continue;
    const observe = proto.observe;
    const disconnect = proto.disconnect;
    const state = new WeakMap<object, { id: number; nodes: Node[] }>();
    proto.observe = function (this: object, node: Node, options?: unknown) {
      observe.call(this, node, options);
      const where = widgetFrames();
      if (!where) return;
      const s = state.get(this) ?? { id: next++, nodes: [] };
      state.set(this, s);
      s.nodes.push(node);
      live.set(s.id, { kind: "observer", what: cls, where, nodes: s.nodes });
    };
    proto.disconnect = function (this: object) {
      disconnect.call(this);
      const s = state.get(this);
      if (s) live.delete(s.id);
      state.delete(this);
    };
  }

  const originalFetch = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    const where = widgetFrames();
    const promise = originalFetch.apply(this, args);
    if (!where) return promise;
    const id = next++;
    live.set(id, { kind: "fetch", what: String(args[0] instanceof Request ? args[0].url : args[0]), where });
    const settled = () => live.delete(id);
    promise.then(settled, settled);
    return promise;
  };
}

/** Installs the tracker for widgets loaded from `bffUrl` (before `page.goto`). */
export async function trackLeaks(page: Page, bffUrl = process.env.E2E_BFF_URL ?? ""): Promise<void> {
  await page.addInitScript(track, `${bffUrl}/widget/`);
}

/**
 * What the widget has registered and not undone. As leaks, observers count only when they watch a node
 * outside `window[name]` (the element, kept there by the test) and its shadow tree.
 */
export async function leakReport(page: Page, name?: string): Promise<LeakReport> {
  return page.evaluate((n) => {
    const tracker = (window as unknown as { __leaks: Tracker }).__leaks;
    const element = n ? ((window as unknown as Record<string, Element>)[n] ?? null) : null;
    const inside = (node: Node): boolean => {
      for (let at: Node | null = node; at; ) {
        if (at === element) return true;
        const root = at.getRootNode();
        at = at.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
      }
      return false;
    };
    const all = [...tracker.live.values()];
    const plain = ({ kind, what, where }: Live) => ({ kind, what, where });
    return {
      live: all.map(plain),
      leaks: all.filter((l) => l.kind !== "observer" || (l.nodes ?? []).some((node) => !inside(node))).map(plain),
    };
  }, name);
}
