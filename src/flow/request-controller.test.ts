import { describe, expect, it } from "vitest";
import { RequestController } from "./request-controller.ts";
import { TestHost } from "./test-host.ts";

/** A call that resolves when told to, and notes whether its signal was aborted. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const state = { aborted: false };
  const call = (signal: AbortSignal) =>
    new Promise<T>((res, reject) => {
      resolve = res;
      signal.addEventListener("abort", () => {
        state.aborted = true;
        reject(new DOMException("aborted", "AbortError"));
      });
    });
  return { call, resolve: (v: T) => resolve(v), state };
}

describe("RequestController", () => {
  it("a newer call in the lane makes the older one stale, and aborts it", async () => {
    const requests = new RequestController(new TestHost());
    const first = deferred<string>();
    const second = deferred<string>();
    const a = requests.run("lane", first.call);
    const b = requests.run("lane", second.call);
    second.resolve("new");
    expect(await b).toEqual({ status: "ok", value: "new" });
    expect(await a).toEqual({ status: "stale" });
    expect(first.state.aborted).toBe(true);
  });

  it("a call that moves money is not aborted by a newer one, but its answer is still stale", async () => {
    const requests = new RequestController(new TestHost());
    const first = deferred<string>();
    const a = requests.run("lane", first.call, false);
    void requests.run("lane", async () => "newer");
    first.resolve("old");
    expect(await a).toEqual({ status: "stale" });
    expect(first.state.aborted).toBe(false);
  });

  it("lanes are independent; errors come back as errors", async () => {
    const requests = new RequestController(new TestHost());
    const one = requests.run("a", async () => 1);
    const two = requests.run("b", async () => {
      throw new Error("no");
    });
    expect(await one).toEqual({ status: "ok", value: 1 });
    expect(await two).toMatchObject({ status: "error" });
  });

  it("disconnecting the host aborts everything running", async () => {
    const host = new TestHost();
    const requests = new RequestController(host);
    const call = deferred<string>();
    const pending = requests.run("lane", call.call, false);
    expect(requests.busy).toBe(true);
    host.disconnect();
    expect(await pending).toEqual({ status: "aborted" });
    expect(call.state.aborted).toBe(true);
    expect(requests.busy).toBe(false);
  });
});
