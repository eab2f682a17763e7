import { describe, expect, it } from "vitest";
import { ClientErrorCode } from "../../api/api-error.ts";
import { InputErrorCode } from "../../flow/entry-input.ts";
import { errorCodes } from "../../shared/error-codes.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { errorMessage, loadMessages } from "./index.ts";

const every = [...errorCodes, ...Object.values(ClientErrorCode), ...Object.values(InputErrorCode)];

describe("messages", () => {
  it.each([
    ["en", en],
    ["de", de],
  ])("%s has words for every error code of the closed set, the client and the form", (_lang, messages) => {
    for (const code of every) expect(errorMessage(messages, code), code).not.toBe("");
    for (const code of every) expect((messages.errors as Record<string, string>)[code], code).toBeTruthy();
  });

  it("German has every key English has, and really is German", () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(de.errors).sort()).toEqual(Object.keys(en.errors).sort());
    expect(de.hold).not.toBe(en.hold);
  });

  it("every status, stop reason and access reason has words in both languages", () => {
    const statuses = ["active", "inactive", "expired", "redeemed", "held", "not_yet_valid"] as const;
    for (const messages of [en, de]) {
      for (const status of statuses) expect(messages.statuses[status], status).toBeTruthy();
      for (const status of ["inactive", "expired", "redeemed", "held", "not_yet_valid"] as const) {
        expect(messages.stops[status], status).toBeTruthy();
        expect(messages.access[status], status).toBeTruthy();
      }
      expect(messages.stops.not_redeemable).toBeTruthy();
      expect(messages.access.unknown).toBeTruthy();
    }
    for (const key of ["statuses", "stops", "access"] as const) {
      expect(Object.keys(de[key]).sort(), key).toEqual(Object.keys(en[key]).sort());
      for (const k of Object.keys(en[key])) {
        const words = (m: typeof en) => (m[key] as Record<string, string>)[k];
        expect(words(de), `${key}.${k}`).not.toBe(words(en));
      }
    }
  });

  it("words for a refusal depend on what the account's vouchers are like", () => {
    const access = { kind: "access", pin: "none" } as const;
    expect(errorMessage(en, "VOUCHER_INVALID", access)).toBe(en.access.unknown);
    expect(errorMessage(en, "VOUCHER_EXPIRED", access)).toBe(en.access.expired);
    expect(errorMessage(de, "VOUCHER_INACTIVE", access)).toBe(de.access.inactive);
    expect(errorMessage(en, "PROVIDER_ERROR", access)).toBe(en.errors.PROVIDER_ERROR);
    expect(errorMessage(en, "VOUCHER_INVALID", { kind: "value", pin: "none" })).toBe(en.codeInvalid);
    expect(errorMessage(en, "VOUCHER_INVALID", { kind: "value", pin: "required" })).toBe(en.errors.VOUCHER_INVALID);
    expect(errorMessage(en, "VOUCHER_INVALID")).toBe(en.errors.VOUCHER_INVALID);
  });

  it("loads German for de, de-DE, de-AT; English for everything else", async () => {
    expect(await loadMessages("de-AT")).toBe(de);
    expect(await loadMessages("DE")).toBe(de);
    expect(await loadMessages("fr-FR")).toBe(en);
    expect(await loadMessages(undefined)).toBe(en);
  });

  it("an unknown code from a newer server gets the generic message", () => {
    expect(errorMessage(en, "SOMETHING_NEW")).toBe(en.errors.INTERNAL);
  });

  it("plural words for the countdown warnings", () => {
    expect(en.expiring(300)).toBe("5 minutes left on the hold.");
    expect(en.expiring(60)).toBe("1 minute left on the hold.");
    expect(en.expiring(45)).toBe("45 seconds left on the hold.");
    expect(de.expiring(60)).toBe("Noch 1 Minute reserviert.");
  });
});
