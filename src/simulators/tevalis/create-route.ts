/**
 * `POST WebVouchers/CreateVoucher`: `SiteID` (int, required), `VoucherExpires` (bool, required),
 * `ExpiryDate` (optional; empty → the system's default expiry), `SerialNumber` (optional; blank → a GUID;
 * a serial that exists already "will throw errors"), `Value` (decimal, required), `Notes` (optional).
 * Answers the new `WebVoucherDto`. Refusals use Web API's model-state 400.
 *
 * ASSUMPTIONS (the help page is silent): the limits on serial (50) and notes (500) length, an expiry in the
 * past refused, a value with more than two decimals refused, and strings not coerced to numbers or
 * booleans (Json.NET may coerce some; the adapter never relies on it).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { parseDotNet } from "./dates.ts";
import { AspNetError, invalidModel } from "./errors.ts";
import { toCents } from "./json.ts";
import type { TevalisState } from "./state.ts";
import { webVoucherDto } from "./views.ts";
import { sendDotNet } from "./voucher-routes.ts";

const DAY_MS = 86_400_000;
const MAX_CENTS = 9_999_999_999;

export function registerCreateRoute(app: FastifyInstance, state: TevalisState): void {
  app.post("/WebVouchers/CreateVoucher", async (request: FastifyRequest, reply) => {
    const body = request.body;
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      throw new AspNetError(400, {
        Message: "The request is invalid.",
        ModelState: { command: ["The command is required."] },
      });
    }
    const b = body as Record<string, unknown>;
    const errors: Record<string, string[]> = {};
    const fail = (field: string, message: string) => {
      errors[field] = [...(errors[field] ?? []), message];
    };
    const now = state.now();
    const company = state.companies.get(request.tevalisCompanyId)!;

    const siteId = b.SiteID;
    if (siteId === undefined || siteId === null) fail("SiteID", "The SiteID field is required.");
    else if (typeof siteId !== "number" || !Number.isInteger(siteId)) fail("SiteID", "The SiteID must be an integer.");
    else if (!company.siteIds.includes(siteId)) fail("SiteID", `Site ${siteId} was not found for this company.`);

    const expires = b.VoucherExpires;
    if (expires === undefined || expires === null) fail("VoucherExpires", "The VoucherExpires field is required.");
    else if (typeof expires !== "boolean") fail("VoucherExpires", "The VoucherExpires must be true or false.");

    let expiryDate: number | null = null;
    if (b.ExpiryDate !== undefined && b.ExpiryDate !== null && b.ExpiryDate !== "") {
      const parsed = typeof b.ExpiryDate === "string" ? parseDotNet(b.ExpiryDate, state.settings.siteTimeZone) : null;
      if (parsed === null) fail("ExpiryDate", "The ExpiryDate is not a valid date.");
      else if (expires === true && parsed <= now) fail("ExpiryDate", "The expiry date must be in the future.");
      else expiryDate = parsed;
    }

    let serial: string | null = null;
    if (b.SerialNumber !== undefined && b.SerialNumber !== null) {
      if (typeof b.SerialNumber !== "string") fail("SerialNumber", "The SerialNumber must be a string.");
      else if (b.SerialNumber.length > 50)
        fail("SerialNumber", "The SerialNumber may not be longer than 50 characters.");
      else if (b.SerialNumber.trim() !== "") {
        serial = b.SerialNumber;
        if (state.findBySerial(company.companyId, serial)) {
          fail("SerialNumber", "A voucher with this serial number already exists.");
        }
      }
    }

    const value = b.Value;
    const cents = toCents(value);
    if (value === undefined || value === null) fail("Value", "The Value field is required.");
    else if (cents === null || cents > MAX_CENTS)
      fail("Value", "The Value must be a positive amount with at most two decimals.");

    if (b.Notes !== undefined && b.Notes !== null) {
      if (typeof b.Notes !== "string") fail("Notes", "The Notes must be a string.");
      else if (b.Notes.length > 500) fail("Notes", "The Notes may not be longer than 500 characters.");
    }
    if (Object.keys(errors).length) throw invalidModel(errors);

    // Vouchers that do not expire carry their sale date as expiry, as documented.
    const expiry = expires ? (expiryDate ?? now + state.settings.defaultExpiryDays * DAY_MS) : null;
    const voucher = state.addVoucher({
      companyId: company.companyId,
      siteId: siteId as number,
      serial,
      value: cents!,
      dateSold: now,
      expiryDate: expiry,
      notes: typeof b.Notes === "string" ? b.Notes : null,
    });
    return sendDotNet(reply, webVoucherDto(state, voucher));
  });
}
