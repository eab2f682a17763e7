import { beforeEach, describe, expect, it } from "vitest";
import { useCrmHarness } from "./test-client.ts";

const sim = useCrmHarness();
let token: string;
beforeEach(async () => {
  token = await sim.token();
});
const show = (id: string, extra: Record<string, string> = {}) =>
  sim.get("vouchers/show", { token, voucher_identifier: id, ...extra });
const use = (body: Record<string, unknown>) => sim.post("vouchers/use", { token, ...body });
const code = (answer: { body: { status: { code: string } } }) => answer.body.status.code;

describe("CRM.COM simulator: vouchers/show and retrieve_secret_number", () => {
  it("shows a voucher by number or id, without its secret number", async () => {
    const answer = await show("number=4000000000000001");
    expect(answer.body.data).toMatchObject({
      number: "4000000000000001",
      value: 50,
      life_cycle_state: "ACTIVATED",
      currency: { code: "EUR" },
      type: { alternative_code: "GIFTVAR", value_options: "VARIABLE" },
      payment: null,
    });
    expect(answer.body.data.expiration_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
    expect(JSON.stringify(answer.body)).not.toContain("0977835");
    expect((await show(`id=${answer.body.data.id}`)).body.data.number).toBe("4000000000000001");
  });

  it("takes the documented `voucher_identifier=number=…` form unencoded", async () => {
    const response = await fetch(
      `${sim.url}/crmapi/rest/v2/vouchers/show?token=${token}&voucher_identifier=number=4000000000000002`,
    );
    expect(((await response.json()) as { data: { value: number } }).data.value).toBe(25);
  });

  it("returns only the fields asked for", async () => {
    const answer = await show("number=4000000000000001", { fields_set: "id,life_cycle_state" });
    expect(Object.keys(answer.body.data).sort()).toEqual(["id", "life_cycle_state"]);
  });

  it("retrieves the secret number", async () => {
    const answer = await sim.get("vouchers/retrieve_secret_number", {
      token,
      voucher_identifier: "number=4000000000000001",
    });
    expect(answer.body).toEqual({
      status: { message: null, description: null, code: "OK" },
      data: { id: expect.stringMatching(/^[0-9A-F]{32}$/), secret_number: "0977835" },
    });
  });

  it.each([
    ["an unknown number", { voucher_identifier: "number=999" }, "NOT_FOUND"],
    ["an identifier of another field", { voucher_identifier: "code=4000000000000001" }, "INVALID_PARAMETER"],
    ["no identifier", {}, "MISSING_PARAMETER"],
    ["an unknown parameter", { voucher_identifier: "number=4000000000000001", pin: "1" }, "UNKNOWN_PARAMETER"],
  ])("refuses %s", async (_name, query, expected) => {
    expect(code(await sim.get("vouchers/show", { token, ...query }))).toBe(expected);
  });
});

describe("CRM.COM simulator: vouchers/use", () => {
  it("uses the full value once and records the payment", async () => {
    const answer = await use({ voucher_identifier: { number: "4000000000000001" }, secret_number: "0977835" });
    expect(answer.body.data).toMatchObject({ life_cycle_state: "USED", value: 50 });
    expect(answer.body.data.payment).toMatchObject({ id: expect.any(String), number: expect.stringMatching(/^PAY/) });
    const again = await use({ voucher_identifier: { number: "4000000000000001" }, secret_number: "0977835" });
    expect(again.body.status).toMatchObject({
      code: "INVALID_LIFE_CYCLE_STATE",
      message: "The voucher is USED and cannot be used.",
    });
  });

  it("finds the voucher by its secret number alone", async () => {
    expect((await use({ secret_number: "1234567" })).body.data.number).toBe("4000000000000002");
  });

  it.each([
    [
      "a wrong secret number",
      { voucher_identifier: { number: "4000000000000001" }, secret_number: "0000000" },
      "INVALID_SECRET_NUMBER",
    ],
    ["no secret number", { voucher_identifier: { number: "4000000000000001" } }, "MISSING_PARAMETER"],
    [
      "another voucher's secret",
      { voucher_identifier: { number: "4000000000000001" }, secret_number: "1234567" },
      "INVALID_SECRET_NUMBER",
    ],
    ["an unknown number", { voucher_identifier: { number: "999" }, secret_number: "0977835" }, "NOT_FOUND"],
    [
      "an identifier with two fields",
      { voucher_identifier: { number: "4000000000000001", id: "X" }, secret_number: "0977835" },
      "INVALID_PARAMETER",
    ],
    [
      "an expired voucher",
      { voucher_identifier: { number: "4000000000000004" }, secret_number: "1111111" },
      "VOUCHER_EXPIRED",
    ],
    [
      "a cancelled voucher",
      { voucher_identifier: { number: "4000000000000005" }, secret_number: "2222222" },
      "INVALID_LIFE_CYCLE_STATE",
    ],
    ["an amount (partial use is not a parameter)", { secret_number: "0977835", amount: 10 }, "UNKNOWN_PARAMETER"],
    [
      "an unknown accounts receivable",
      { secret_number: "0977835", accounts_receivable_identifier: { number: "X" } },
      "NOT_FOUND",
    ],
  ])("refuses %s", async (_name, body, expected) => {
    expect(code(await use(body))).toBe(expected);
    expect((await sim.sim("vouchers/4000000000000001")).body.life_cycle_state).toBe("ACTIVATED");
  });

  it("refuses a voucher that is not yet effective", async () => {
    await sim.sim("vouchers", { number: "77", secret_number: "7777777", effective_date: "2099-01-01T00:00:00Z" });
    expect(code(await use({ voucher_identifier: { number: "77" }, secret_number: "7777777" }))).toBe(
      "VOUCHER_NOT_EFFECTIVE",
    );
  });

  it("commits, then drops the response when told to", async () => {
    await sim.sim("faults", { drop: { count: 1 }, pathPrefix: "/crmapi/rest/v2/vouchers/use" });
    await expect(use({ secret_number: "0977835" })).rejects.toThrow();
    expect((await sim.sim("vouchers/4000000000000001")).body.life_cycle_state).toBe("USED");
  });

  it("answers an injected error without doing the work", async () => {
    await sim.sim("faults", { error: { status: 503, count: 1 }, pathPrefix: "/crmapi/rest/v2/vouchers/use" });
    const failed = await use({ secret_number: "0977835" });
    expect([failed.status, code(failed)]).toEqual([503, "SIMULATED_FAULT"]);
    expect((await sim.sim("vouchers/4000000000000001")).body.life_cycle_state).toBe("ACTIVATED");
  });
});
