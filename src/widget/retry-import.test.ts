import { afterEach, describe, expect, it, vi } from "vitest";
import { chunkSpecifier, importChunk } from "./retry-import.ts";

/** A loader as Vite builds it: its source shows the chunk's import (`calls` counts how often it runs). */
function viteLoader<T>(outcomes: (() => Promise<T>)[], source?: string) {
  let calls = 0;
  const load = () => (outcomes[Math.min(calls++, outcomes.length - 1)] as () => Promise<T>)();
  const shown = source ?? "async()=>(await import(`./chunks/en-Ab1.js`)).en";
  return Object.assign(load, { toString: () => shown, calls: () => calls });
}

const fail = () => Promise.reject(new TypeError("Failed to fetch dynamically imported module"));
const RETRY_URL = /^\.\/chunks\/en-Ab1\.js\?retry=\d+$/;

afterEach(() => {
  vi.useRealTimers();
});

describe("chunkSpecifier", () => {
  it.each([
    ["Vite's build (template literal)", "async()=>(await import(`./chunks/en-Ab1.js`)).en", "./chunks/en-Ab1.js"],
    ["double quotes, spaces", '() => import( "./de.ts" )', "./de.ts"],
    [
      "Vite's dev server",
      'async () => (await import("/src/widget/messages/fr.ts?t=1")).fr',
      "/src/widget/messages/fr.ts?t=1",
    ],
    ["a bundler that rewrote the import", "() => __webpack_require__.e(42).then(r)", null],
    ["a computed specifier", "() => import(`./chunks/$" + "{lang}.js`)", null],
  ])("%s", (_name, source, specifier) => {
    expect(chunkSpecifier(Object.assign(() => null, { toString: () => source }))).toBe(specifier);
  });
});

describe("importChunk", () => {
  const words = () => Promise.resolve("words");
  it.each([
    ["a chunk that loads at once is not fetched again", [words], undefined, 1],
    // A bundler's own chunk loader (webpack's, say) fetches again by itself.
    [
      "a loader whose source shows no import is simply called again",
      [fail, words],
      "() => __webpack_require__.e(7)",
      2,
    ],
  ])("%s", async (_name, outcomes, source, calls) => {
    const load = viteLoader(outcomes, source);
    const importUrl = vi.fn();
    expect(await importChunk(load, { importUrl, delays: [0, 0] })).toBe("words");
    expect(load.calls()).toBe(calls);
    expect(importUrl).not.toHaveBeenCalled();
  });

  it("after a failure, waits and asks for the chunk's URL with a query the browser has not seen", async () => {
    vi.useFakeTimers();
    const load = viteLoader([fail]);
    const importUrl = vi.fn((_url: string): Promise<unknown> => Promise.resolve("words"));
    const loading = importChunk(load, { importUrl, delays: [250, 1000] });
    await vi.advanceTimersByTimeAsync(249);
    expect(importUrl).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await loading).toBe("words");
    expect(importUrl).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(RETRY_URL));
    // Loaded from there, the chunk is taken from there from now on (the browser has that module).
    const url = importUrl.mock.calls[0]?.[0];
    expect(await importChunk(load, { importUrl, delays: [250, 1000] })).toBe("words");
    expect(importUrl).toHaveBeenLastCalledWith(url);
    expect(load.calls()).toBe(1);
  });

  it("three failures in all reject with the last one, each retry on a URL of its own", async () => {
    const load = viteLoader([fail]);
    const importUrl = vi.fn((_url: string): Promise<unknown> => Promise.reject(new Error("still down")));
    await expect(importChunk(load, { importUrl, delays: [0, 0] })).rejects.toThrow("still down");
    expect(load.calls()).toBe(1);
    const urls = importUrl.mock.calls.map(([url]) => url);
    expect(urls).toEqual([expect.stringMatching(RETRY_URL), expect.stringMatching(RETRY_URL)]);
    expect(new Set(urls).size).toBe(2);

    // Trying again later (the widget's Retry button) starts on yet another URL, without a wait.
    vi.useFakeTimers();
    importUrl.mockImplementation(() => Promise.resolve("words"));
    expect(await importChunk(load, { importUrl, delays: [250, 1000] })).toBe("words");
    expect(new Set(importUrl.mock.calls.map(([url]) => url)).size).toBe(3);
  });

  it("an abort during the pause ends it at once, and leaves no timer behind", async () => {
    vi.useFakeTimers();
    const abort = new AbortController();
    const load = viteLoader([fail]);
    const importUrl = vi.fn((_url: string): Promise<unknown> => Promise.resolve("words"));
    const loading = importChunk(load, { importUrl, signal: abort.signal, delays: [250, 1000] });
    const outcome = loading.then(
      () => "loaded",
      (error: unknown) => (error as Error).name,
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(vi.getTimerCount()).toBe(1);
    abort.abort();
    expect(await outcome).toBe("AbortError");
    expect(vi.getTimerCount()).toBe(0);
    expect(importUrl).not.toHaveBeenCalled();
  });
});
