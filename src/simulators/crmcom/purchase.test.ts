import { beforeEach, describe, expect, it } from "vitest";
import { useCrmHarness } from "./test-client.ts";

const sim = useCrmHarness();
let token: string;
beforeEach(async () => {
  token = await sim.token();
});
const base = {
  type_identifier: { alternative_code: "GIFTVAR" },
  use_funds_from: "ACCOUNTS_RECEIVABLE",
  purchased_by_identifier: { number: "ACR0000000001" },
  voucher_value: 12.34,
};
const purchase = (body: Record<string, unknown>) => sim.post("vouchers/purchase_evoucher", { token, ...body });
const code = (answer: { body: { status: { code: string } } }) => answer.body.status.code;

describe("CRM.COM simulator: vouchers/purchase_evoucher", () => {
  it("sells an activated voucher of a variable-value type; its secret number is retrieved apart", async () => {
    const answer = await purchase({ ...base, description: "Gift", back_office_code: "iss_1" });
    expect(answer.body.data).toMatchObject({
      value: 12.34,
      life_cycle_state: "ACTIVATED",
      description: "Gift",
      purchased_by: { number: "ACR0000000001" },
      currency: { code: "EUR" },
    });
    expect(answer.body.data).not.toHaveProperty("secret_number");
    const secret = await sim.get("vouchers/retrieve_secret_number", {
      token,
      voucher_identifier: `id=${answer.body.data.id}`,
    });
    expect(secret.body.data.secret_number).toMatch(/^\d{7}$/);
  });

  it("sells a fixed-value type at its value and refuses a value for it", async () => {
    const { voucher_value: _, ...fixed } = { ...base, type_identifier: { alternative_code: "GIFT25" } };
    expect((await purchase(fixed)).body.data.value).toBe(25);
    expect(code(await purchase({ ...fixed, voucher_value: 10 }))).toBe("INVALID_PARAMETER");
  });

  it("pays from a wallet while it has funds", async () => {
    const wallet = {
      ...base,
      use_funds_from: "WALLET",
      purchased_by_identifier: { number: "ACR0000000002" },
      voucher_value: 60,
    };
    expect(code(await purchase(wallet))).toBe("OK");
    expect(code(await purchase(wallet))).toBe("INSUFFICIENT_FUNDS");
    expect((await sim.sim("stats")).body.wallets).toEqual({ "8A1F00000000000000000000000000C2": 4000 });
  });

  it.each([
    ["no type", { type_identifier: undefined }, "MISSING_PARAMETER"],
    ["an unknown type", { type_identifier: { name: "Nope" } }, "NOT_FOUND"],
    [
      "a printed voucher type",
      { type_identifier: { alternative_code: "PRINT10" }, voucher_value: undefined },
      "INVALID_VOUCHER_TYPE",
    ],
    ["no funding method", { use_funds_from: undefined }, "MISSING_PARAMETER"],
    ["an unknown funding method", { use_funds_from: "CASH" }, "INVALID_PARAMETER"],
    ["no purchaser", { purchased_by_identifier: undefined }, "MISSING_PARAMETER"],
    ["two purchasers", { rewards_participant_identifier: { number: "RP1" } }, "INVALID_PARAMETER"],
    ["an unknown purchaser", { purchased_by_identifier: { number: "ACR9" } }, "NOT_FOUND"],
    ["no value for a variable type", { voucher_value: undefined }, "MISSING_PARAMETER"],
    ["a value as a string", { voucher_value: "12.34" }, "INVALID_PARAMETER"],
    ["a value with three decimals", { voucher_value: 12.345 }, "INVALID_PARAMETER"],
    ["a zero value", { voucher_value: 0 }, "INVALID_PARAMETER"],
    ["a wallet without WALLET funds", { wallet_identifier: { number: "W0000000002" } }, "INVALID_PARAMETER"],
    [
      "payment options with WALLET",
      { use_funds_from: "WALLET", payment_method_identifier: { name: "Cash" } },
      "INVALID_PARAMETER",
    ],
    [
      "both unit identifiers",
      { sold_by_unit_identifier: { name: "DEMO-SHOP" }, sold_by_business_unit_identifier: { name: "DEMO-SHOP" } },
      "INVALID_PARAMETER",
    ],
    ["an unknown unit", { sold_by_business_unit_identifier: { name: "ELSEWHERE" } }, "NOT_FOUND"],
    ["a misspelt parameter", { voucher_amount: 5 }, "UNKNOWN_PARAMETER"],
  ])("refuses %s", async (_name, change, expected) => {
    expect(code(await purchase({ ...base, ...change }))).toBe(expected);
  });

  it("keeps back office codes unique", async () => {
    expect(code(await purchase({ ...base, back_office_code: "iss_x" }))).toBe("OK");
    expect(code(await purchase({ ...base, back_office_code: "iss_x" }))).toBe("DUPLICATE_BACK_OFFICE_CODE");
  });
});
