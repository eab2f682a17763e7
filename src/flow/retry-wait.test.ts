import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FlowError } from "./machine.ts";
import { RetryWait } from "./retry-wait.ts";
import { TestHost } from "./test-host.ts";

const unconfirmed: FlowError = {
  code: "PROVIDER_UNAVAILABLE",
  operation: "redeem",
  retryable: true,
  retryAfterSeconds: 25,
};

describe("RetryWait", () => {
  let host: TestHost;
  let wait: RetryWait;

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse("2030-01-01T12:00:00.000Z") });
    host = new TestHost();
    wait = new RetryWait(host);
    host.connect();
  });
  afterEach(() => vi.useRealTimers());

  it("waits the seconds a retryable redeem failure asked for, re-rendering as they count down, then ends", () => {
    wait.follow(unconfirmed);
    expect(wait.seconds).toBe(25);
    const updates = host.updates;
    vi.advanceTimersByTime(1_100);
    expect(wait.seconds).toBe(24);
    expect(host.updates).toBeGreaterThan(updates);
    vi.advanceTimersByTime(23_000);
    expect(wait.seconds).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(wait.seconds).toBe(0);
    // Nothing left ticking once the retry may go.
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each<[string, FlowError | null]>([
    ["no error", null],
    ["a redeem failure without a wait", { code: "PROVIDER_UNAVAILABLE", operation: "redeem", retryable: true }],
    ["a refusal for good", { ...unconfirmed, code: "INSUFFICIENT_BALANCE", retryable: false }],
    ["another operation's wait", { ...unconfirmed, operation: "release" }],
  ])("%s: nothing to wait for", (_name, error) => {
    wait.follow(error);
    expect(wait.seconds).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a retry (no error) ends a running wait; a new failure's wait counts from that failure", () => {
    wait.follow(unconfirmed);
    vi.advanceTimersByTime(10_000);
    wait.follow(null);
    expect(wait.seconds).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    wait.follow({ ...unconfirmed, retryAfterSeconds: 5 });
    expect(wait.seconds).toBe(5);
  });

  it("no timer survives the element leaving, and the seconds left come from the clock, not from ticks", () => {
    wait.follow(unconfirmed);
    host.disconnect();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(30_000);
    expect(wait.seconds).toBe(0);
  });
});
