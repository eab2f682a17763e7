import { describe, expect, it } from "vitest";
import { CircuitBreaker, CircuitOpenProblem } from "./circuit-breaker.ts";

function breaker(options: { threshold?: number; coolDownMs?: number; maxCoolDownMs?: number } = {}) {
  const clock = { ms: 0 };
  const b = new CircuitBreaker({
    failureThreshold: options.threshold ?? 3,
    coolDownMs: options.coolDownMs ?? 1000,
    maxCoolDownMs: options.maxCoolDownMs ?? 4000,
    now: () => clock.ms,
  });
  /** One attempt: admitted, then recorded. */
  const attempt = (outcome: "answered" | "failed") => {
    const a = {};
    b.admit(a);
    b.record(a, outcome);
  };
  const fail = () => attempt("failed");
  const answer = () => attempt("answered");
  const refusal = () => {
    try {
      b.admit({});
    } catch (error) {
      if (error instanceof CircuitOpenProblem) return error;
      throw error;
    }
    throw new Error("expected the circuit to refuse");
  };
  return { b, clock, fail, answer, refusal };
}

describe("CircuitBreaker", () => {
  it("opens after the threshold of failures in a row; an answer in between starts the count again", () => {
    const { b, fail, answer } = breaker();
    fail();
    fail();
    answer();
    fail();
    fail();
    expect(b.state).toBe("closed");
    fail();
    expect(b.state).toBe("open");
    expect(b.opens).toBe(1);
  });

  it("fails fast while open with PROVIDER_UNAVAILABLE, retryable, and the seconds left of the cool-down", () => {
    const { clock, fail, refusal } = breaker({ coolDownMs: 3000 });
    for (let i = 0; i < 3; i++) fail();
    clock.ms += 500;
    const problem = refusal();
    expect(problem).toMatchObject({ code: "PROVIDER_UNAVAILABLE", retryable: true, retryAfterSeconds: 3 });
    expect(problem.outcomeUnknown).toBe(false);
    expect(problem.toProblem()).toMatchObject({ status: 503, retryAfterSeconds: 3 });
  });

  it("half-opens after the cool-down with one trial at a time; the trial's answer closes it", () => {
    const { b, clock, fail, answer, refusal } = breaker();
    for (let i = 0; i < 3; i++) fail();
    clock.ms += 1000;
    expect(b.state).toBe("half-open");
    const trial = {};
    b.admit(trial);
    b.admit(trial); // the trial's own next request (a token, then the call)
    expect(refusal().retryAfterSeconds).toBe(1);
    b.record(trial, "answered");
    expect(b.state).toBe("closed");
    answer();
  });

  it("a failed trial opens it again for twice the cool-down, up to the ceiling", () => {
    const { b, clock, fail, answer } = breaker({ coolDownMs: 1000, maxCoolDownMs: 3000 });
    for (let i = 0; i < 3; i++) fail();
    for (const coolDown of [2000, 3000, 3000]) {
      clock.ms += 3000;
      fail();
      clock.ms += coolDown - 1;
      expect(b.state).toBe("open");
      clock.ms += 1;
      expect(b.state).toBe("half-open");
    }
    answer();
    // Healed: the next opening starts from the first cool-down again.
    for (let i = 0; i < 3; i++) fail();
    clock.ms += 1000;
    expect(b.state).toBe("half-open");
  });

  it("ignores late answers of attempts that began before it opened: only the trial decides", () => {
    const { b, clock, fail } = breaker();
    const early = {};
    b.admit(early);
    for (let i = 0; i < 3; i++) fail();
    b.record(early, "answered");
    expect(b.state).toBe("open");
    clock.ms += 1000;
    const trial = {};
    b.admit(trial);
    b.record({}, "answered");
    expect(b.state).toBe("half-open");
    b.record(trial, "answered");
    expect(b.state).toBe("closed");
  });
});
