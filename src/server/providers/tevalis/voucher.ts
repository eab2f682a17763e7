/**
 * Reading a Tevalis web voucher by serial and turning it into what the port reports. Tevalis returns
 * active vouchers only and says nothing else about the rest: unknown, spent, voided and expired serials all
 * come back as the same `Error` string, so all of them are VOUCHER_INVALID here.
 */
import { HttpProblem } from "../../errors/http-problem.ts";
import { readAmount } from "../decimal.ts";
import type { VoucherInfo } from "../port.ts";
import type { TevalisAccount } from "./account.schema.ts";
import type { TevalisClient } from "./client.ts";
import { parseDotNetDate } from "./dotnet-date.ts";
import { VoucherSearchResult, type WebVoucherDto } from "./schemas.ts";

/**
 * The serials to try for what was typed. The BFF normalizes codes (upper case, no dashes), which breaks
 * Tevalis's default serials, GUIDs: 32 hex digits are tried again in GUID form.
 */
export function serialCandidates(code: string): string[] {
  const guid = /^([0-9A-F]{8})([0-9A-F]{4})([0-9A-F]{4})([0-9A-F]{4})([0-9A-F]{12})$/i.exec(code);
  return guid ? [code, guid.slice(1).join("-").toLowerCase()] : [code];
}

/** The active voucher with this serial, or null. */
export async function findBySerial(client: TevalisClient, serial: string): Promise<WebVoucherDto | null> {
  const result = await client.get("/WebVouchers/GetVoucherBySerial", { SerialNo: serial }, VoucherSearchResult);
  return result.WebVoucher ?? null;
}

function date(text: string, account: TevalisAccount): Date {
  const parsed = parseDotNetDate(text, account.timeZone);
  if (!parsed) throw new HttpProblem("PROVIDER_ERROR", "Tevalis sent a date we cannot read.");
  return parsed;
}

/** The expiry, or null for a voucher that never expires (Tevalis writes its sale date as expiry). */
export function validUntilOf(dto: WebVoucherDto, account: TevalisAccount): Date | null {
  const expiry = date(dto.ExpiryDate, account);
  return expiry.getTime() === date(dto.DateSold, account).getTime() ? null : expiry;
}

/** What a check reports: the value is the balance (Tevalis keeps no remaining amount), in the site's currency. */
export function voucherInfo(dto: WebVoucherDto, account: TevalisAccount, now: number): VoucherInfo {
  const validUntil = validUntilOf(dto, account);
  return {
    kind: "value",
    status: validUntil && validUntil.getTime() < now ? "expired" : "active",
    balance: readAmount("Tevalis", dto.Value, account.currency),
    validUntil,
  };
}
