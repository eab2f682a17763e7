import { describe, expect, it } from "vitest";
import { startCrmHarness, useCrmHarness } from "../../../simulators/crmcom/test-client.ts";
import { eur, problem, simAccount } from "./adapter.fixture.ts";
import { createCrmcomAdapter } from "./index.ts";

const sim = useCrmHarness();
const stats = async () => (await sim.sim("stats")).body;
const V50 = { code: "4000000000000001", pin: "0977835" };

describe("CRM.COM adapter: login token", () => {
  it("logs in once for many calls, also when they start together", async () => {
    const adapter = createCrmcomAdapter(simAccount(sim.url));
    await Promise.all(Array.from({ length: 5 }, () => adapter.check(V50)));
    await adapter.hold({ ...V50, amount: eur(5000) });
    expect((await stats()).logins).toBe(1);
  });

  it("logs in again once when CRM.COM forgets the token", async () => {
    const adapter = createCrmcomAdapter(simAccount(sim.url));
    await adapter.check(V50);
    await sim.sim("config", { revokeTokens: true });
    expect((await adapter.check(V50)).status).toBe("active");
    expect((await stats()).logins).toBe(2);
  });

  it("logs in again before the two hours are up, by the injected clock", async () => {
    const clock = { ms: Date.now() };
    const adapter = createCrmcomAdapter(simAccount(sim.url), { now: () => clock.ms });
    await adapter.check(V50);
    clock.ms += 7100_000;
    await sim.sim("clock", { advanceSeconds: 7100 });
    await adapter.check(V50);
    expect((await stats()).logins).toBe(1);
    clock.ms += 41_000;
    await sim.sim("clock", { advanceSeconds: 41 });
    await adapter.check(V50);
    // Refreshed 60 s early, without a refused call first.
    expect((await stats()).logins).toBe(2);
    expect((await stats()).requests["GET /crmapi/rest/v2/vouchers/show"]).toBe(3);
  });

  it("recovers when tokens live shorter than configured (an older release)", async () => {
    await sim.sim("config", { tokenTtlSeconds: 600 });
    const adapter = createCrmcomAdapter(simAccount(sim.url));
    await adapter.check(V50);
    await sim.sim("clock", { advanceSeconds: 601 });
    expect((await adapter.check(V50)).status).toBe("active");
    expect((await stats()).logins).toBe(2);
  });

  it("answers PROVIDER_ERROR for a refused login, without the password", async () => {
    const wrong = createCrmcomAdapter(
      simAccount(sim.url, { credentials: { username: "demo-pos", password: "s3cret-wrong", organisation: "DEMO" } }),
    );
    const refused = await problem(wrong.check(V50));
    expect(refused).toMatchObject({ code: "PROVIDER_ERROR", message: "CRM.COM refused the configured login." });
    expect(JSON.stringify(refused.toProblem())).not.toContain("s3cret-wrong");
  });

  it("answers PROVIDER_UNAVAILABLE when nothing listens", async () => {
    const other = await startCrmHarness();
    await other.close();
    const gone = createCrmcomAdapter(simAccount(other.url));
    expect((await problem(gone.check(V50))).code).toBe("PROVIDER_UNAVAILABLE");
  });
});
