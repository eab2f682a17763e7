/** Failed code/PIN attempts: a voucher locks after too many, a terminal is slowed after too many. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpProblem } from "../errors/http-problem.ts";
import { type Bench, openBench, problemOf, unique } from "./services.fixture.ts";

let bench: Bench;
beforeAll(async () => {
  bench = await openBench({ limits: { perVoucher: 5, perTerminal: 10, windowSeconds: 900 } });
}, 60_000);
afterAll(() => bench?.close());

const eur = (amount: string) => ({ amount, currency: "EUR" });

describe("failed attempts", () => {
  it("locks a voucher after five wrong PINs, without asking the provider, until the window passes", async () => {
    const a = bench.account();
    const code = a.voucher({ pin: "2468" });
    const hold = (pin: string, terminal = "till-1") =>
      bench.services.createHold(a.ctx(terminal), { code, pin, amount: eur("1.00") }, unique("k"));
    for (let i = 0; i < 5; i++) {
      expect(await problemOf(() => hold(`000${i}`, `till-${i}`))).toBe("VOUCHER_INVALID");
      bench.clock.advance(10);
    }
    const calls = a.provider.calls.hold;
    const locked = await hold("2468").catch((e: HttpProblem) => e);
    expect(locked).toMatchObject({ code: "PIN_LOCKED", retryable: true });
    // The oldest failure was 50 s ago; it leaves the 15-minute window in 850 s.
    expect((locked as HttpProblem).retryAfterSeconds).toBe(850);
    expect(a.provider.calls.hold).toBe(calls);
    // The check endpoint is under the same lock.
    expect(await problemOf(() => bench.services.check(a.ctx(), { code, pin: "2468" }))).toBe("PIN_LOCKED");
    bench.clock.advance(851);
    expect((await hold("2468")).body.hold.state).toBe("active");
  });

  it("rate-limits a terminal after ten wrong codes across vouchers", async () => {
    const a = bench.account();
    for (let i = 0; i < 10; i++) {
      expect(await problemOf(() => bench.services.check(a.ctx("till-x"), { code: unique("NOPE") }))).toBe(
        "VOUCHER_INVALID",
      );
    }
    const good = a.voucher();
    expect(await problemOf(() => bench.services.check(a.ctx("till-x"), { code: good }))).toBe("RATE_LIMITED");
    expect((await bench.services.check(a.ctx("till-y"), { code: good })).voucher.status).toBe("active");
  });

  it("does not count a missing PIN or other refusals", async () => {
    const a = bench.account();
    const code = a.voucher({ pin: "1357" });
    for (let i = 0; i < 6; i++) {
      expect(await problemOf(() => bench.services.check(a.ctx(), { code }))).toBe("PIN_REQUIRED");
    }
    const { voucher } = await bench.services.check(a.ctx(), { code, pin: "1357" });
    expect(voucher).toMatchObject({ kind: "value", status: "active", balance: eur("100.00") });
    expect(voucher.maskedCode).toMatch(/^[•-]+[A-Z0-9-]{4,5}$/);
  });

  it("reports a voucher held here as held", async () => {
    const a = bench.account();
    const code = a.voucher();
    await bench.services.createHold(a.ctx(), { code, amount: eur("1.00") }, unique("k"));
    expect((await bench.services.check(a.ctx("till-2"), { code })).voucher.status).toBe("held");
  });

  it("passes NOT_SUPPORTED through where the provider cannot check by code", async () => {
    const a = bench.account();
    a.provider.failNext("check", new (await import("../errors/http-problem.ts")).HttpProblem("NOT_SUPPORTED"));
    expect(await problemOf(() => bench.services.check(a.ctx(), { code: a.voucher() }))).toBe("NOT_SUPPORTED");
  });
});
