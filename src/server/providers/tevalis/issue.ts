/**
 * Selling a Tevalis voucher with `CreateVoucher`. We choose the serial rather than take Tevalis's GUID: a
 * 16-character code a cashier can read out and type, which survives the BFF's normalizing, and which lets
 * us look the voucher up after a lost answer (the serial is known before the call). A duplicate serial is
 * refused by Tevalis (400 on `SerialNumber`); we then try once more with a fresh one.
 */
import { randomInt } from "node:crypto";
import { HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import { readAmount, toDecimalNumber } from "../decimal.ts";
import type { IssueInput, UpstreamIssued } from "../port.ts";
import type { TevalisAccount } from "./account.schema.ts";
import { refusedFields, type TevalisClient } from "./client.ts";
import { formatDotNetDate } from "./dotnet-date.ts";
import { WebVoucherDto } from "./schemas.ts";
import { findBySerial, validUntilOf } from "./voucher.ts";

/** No 0/O or 1/I, so a printed serial reads unambiguously; 32^16 = 2^80 serials. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newSerial(): string {
  let serial = "";
  for (let i = 0; i < 16; i++) serial += ALPHABET[randomInt(ALPHABET.length)];
  return serial;
}

function issued(dto: WebVoucherDto, account: TevalisAccount): UpstreamIssued {
  return {
    code: dto.SerialNumber,
    amount: readAmount("Tevalis", dto.Value, account.currency),
    validUntil: validUntilOf(dto, account),
    status: "active",
  };
}

/** Creates one voucher; settles a lost answer by looking the serial up. */
export async function issueVoucher(
  client: TevalisClient,
  account: TevalisAccount,
  input: IssueInput,
  makeSerial: () => string = newSerial,
): Promise<UpstreamIssued> {
  for (let attempt = 1; ; attempt++) {
    const serial = makeSerial();
    const json = {
      SiteID: account.siteId,
      // Without a date the site's default expiry applies (Tevalis's system setting), as a till sale would.
      VoucherExpires: true,
      ...(input.validUntil ? { ExpiryDate: formatDotNetDate(input.validUntil) } : {}),
      SerialNumber: serial,
      Value: toDecimalNumber(input.amount),
      // Our operation id goes into the notes so the back office can match the sale.
      Notes: input.note ? `${input.note} (ref ${input.ref})` : `Sold through voucher-widget (ref ${input.ref})`,
    };
    let response: Awaited<ReturnType<TevalisClient["send"]>>;
    try {
      response = await client.send("POST", "/WebVouchers/CreateVoucher", json, true);
      if (response.status === 400 && refusedFields(response).includes("SerialNumber") && attempt < 2) continue;
      const dto = client.read(response, WebVoucherDto, true);
      try {
        return issued(dto, account);
      } catch (error) {
        // Tevalis made the voucher; only our reading of it failed.
        throw isHttpProblem(error) ? new HttpProblem(error.code, error.message, { outcomeUnknown: true }) : error;
      }
    } catch (error) {
      if (!isHttpProblem(error) || !error.outcomeUnknown) throw error;
      const found = await findBySerial(client, serial).catch(() => null);
      if (found) return issued(found, account);
      throw new HttpProblem(error.code, error.message, {
        retryAfterSeconds: error.retryAfterSeconds,
        outcomeUnknown: true,
        cause: error,
      });
    }
  }
}
