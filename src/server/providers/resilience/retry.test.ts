import { describe, expect, it } from "vitest";
import { HttpProblem } from "../../errors/http-problem.ts";
import { CircuitOpenProblem } from "./circuit-breaker.ts";
import { backoffMs, retryDelayMs, withRetries } from "./retry.ts";

const unavailable = (options: { outcomeUnknown?: boolean; retryAfterSeconds?: number } = {}) =>
  new HttpProblem("PROVIDER_UNAVAILABLE", "down", options);

describe("backoffMs", () => {
  it("doubles per retry up to the ceiling, with half of each step random", () => {
    const low = { random: () => 0 };
    const high = { random: () => 1 };
    expect([1, 2, 3, 4, 5].map((r) => backoffMs(r, low))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((r) => backoffMs(r, high))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe("retryDelayMs", () => {
  const fixed = { random: () => 0 };
  it("repeats an unavailable or rate-limiting provider", () => {
    expect(retryDelayMs(unavailable(), 1, fixed)).toBe(50);
    expect(retryDelayMs(new HttpProblem("RATE_LIMITED"), 2, fixed)).toBe(100);
  });

  it("waits out a short Retry-After and passes a long one on", () => {
    expect(retryDelayMs(new HttpProblem("RATE_LIMITED", "x", { retryAfterSeconds: 1 }), 1, fixed)).toBe(1000);
    expect(retryDelayMs(new HttpProblem("RATE_LIMITED", "x", { retryAfterSeconds: 0 }), 1, fixed)).toBe(50);
    expect(retryDelayMs(new HttpProblem("RATE_LIMITED", "x", { retryAfterSeconds: 3 }), 1, fixed)).toBeNull();
    expect(retryDelayMs(unavailable({ retryAfterSeconds: 120 }), 1, fixed)).toBeNull();
  });

  it("never repeats an unknown outcome, an open circuit, a business answer or a bug", () => {
    expect(retryDelayMs(unavailable({ outcomeUnknown: true }), 1)).toBeNull();
    expect(retryDelayMs(new CircuitOpenProblem(5), 1)).toBeNull();
    for (const code of ["VOUCHER_INVALID", "PROVIDER_ERROR", "HOLD_EXPIRED", "ALREADY_REDEEMED"] as const) {
      expect(retryDelayMs(new HttpProblem(code), 1)).toBeNull();
    }
    expect(retryDelayMs(new TypeError("bug"), 1)).toBeNull();
  });
});

describe("withRetries", () => {
  const instant = { sleep: async () => {}, random: () => 0 };

  it("returns the first success and stops after the attempts allowed", async () => {
    let calls = 0;
    const flaky = async () => {
      if (++calls < 3) throw unavailable();
      return "ok";
    };
    expect(await withRetries(flaky, () => true, instant)).toBe("ok");
    calls = -10;
    await expect(withRetries(flaky, () => true, instant)).rejects.toMatchObject({ code: "PROVIDER_UNAVAILABLE" });
    expect(calls).toBe(-7);
  });

  it("asks the caller whether the call may be repeated at all", async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw unavailable();
    };
    await expect(withRetries(failing, () => false, instant)).rejects.toBeInstanceOf(HttpProblem);
    expect(calls).toBe(1);
  });

  it("waits the backoff between attempts and starts none past the budget", async () => {
    const clock = { ms: 0 };
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.ms += ms;
    };
    const failing = async () => {
      clock.ms += 400;
      throw unavailable();
    };
    const options = { sleep, random: () => 1, now: () => clock.ms, budgetMs: 1000, maxAttempts: 5 };
    await expect(withRetries(failing, () => true, options)).rejects.toBeInstanceOf(HttpProblem);
    // 400 (attempt) + 100 (wait) + 400 + 200 = 1100 > 1000: the third attempt never starts.
    expect(waits).toEqual([100]);
  });
});
