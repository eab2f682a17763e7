/**
 * Access-code admin over `voucherCodes/getAll|add|delete` and `vouchers/getAll`, limited to the vouchers the
 * account names: listing filters on them, adding refuses others, and deleting first reads the codes to
 * make sure every one belongs to them (Mews would delete any code of the enterprise).
 */
import { HttpProblem } from "../../errors/http-problem.ts";
import type { AccessCodeAdmin, NewAccessCode } from "../port.ts";
import type { MewsAccount } from "./account.schema.ts";
import type { MewsClient } from "./client.ts";
import { toAccessCode } from "./code-state.ts";
import { EmptyAnswer, VoucherCodesAnswer, VouchersAnswer, voucherActive } from "./schemas.ts";

/** Mews takes at most this many items in any list. */
export const MEWS_MAX_ITEMS = 1000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createCodesAdmin(account: MewsAccount, client: MewsClient, now: () => number): AccessCodeAdmin {
  const managed = new Set(account.voucherIds);
  const enterprise = account.enterpriseId;
  const readScope = enterprise ? { EnterpriseIds: [enterprise] } : {};
  const writeScope = enterprise ? { EnterpriseId: enterprise } : {};

  const tooMany = (what: string, n: number) => {
    if (n < 1 || n > MEWS_MAX_ITEMS) {
      throw new HttpProblem("INVALID_REQUEST", `Send 1 to ${MEWS_MAX_ITEMS} ${what} at a time.`);
    }
  };

  return {
    async listVouchers() {
      const answer = await client.call(
        "vouchers/getAll",
        {
          ...readScope,
          ServiceIds: account.serviceIds,
          VoucherIds: account.voucherIds,
          ActivityStates: ["Active"],
          Extent: { Vouchers: true },
          Limitation: { Count: MEWS_MAX_ITEMS },
        },
        VouchersAnswer,
        "read",
      );
      return (answer.Vouchers ?? [])
        .filter((v) => managed.has(v.Id) && voucherActive(v))
        .map((v) => ({ id: v.Id, name: v.Name }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async listCodes({ cursor, limit }) {
      if (cursor !== undefined && !GUID.test(cursor)) {
        throw new HttpProblem("INVALID_REQUEST", "The cursor is not one this service handed out.", {
          errors: [{ path: "cursor", message: "not a cursor from a previous page" }],
        });
      }
      // One more than asked: whether it comes back says if there is an older page, without an empty last one.
      const count = Math.min(limit, MEWS_MAX_ITEMS - 1) + 1;
      const answer = await client.call(
        "voucherCodes/getAll",
        { ...readScope, VoucherIds: account.voucherIds, Limitation: { Count: count, Cursor: cursor ?? null } },
        VoucherCodesAnswer,
        "read",
      );
      const codes = answer.VoucherCodes ?? [];
      const shown = codes.slice(0, count - 1);
      const nowMs = now();
      return {
        items: shown.map((c) => toAccessCode(c, nowMs)),
        nextCursor: codes.length === count ? (shown.at(-1)?.Id ?? null) : null,
      };
    },

    async addCodes(items: NewAccessCode[]) {
      tooMany("codes", items.length);
      const errors = items.flatMap((item, i) =>
        managed.has(item.voucherId) ? [] : [{ path: `items.${i}.voucherId`, message: "not a voucher of this account" }],
      );
      if (errors.length)
        throw new HttpProblem("INVALID_REQUEST", "Codes can only be added to this account's vouchers.", { errors });
      const answer = await client.call(
        "voucherCodes/add",
        {
          ...writeScope,
          VoucherCodeParameters: items.map((item) => ({
            VoucherId: item.voucherId,
            Value: item.value,
            ValidityStartUtc: item.validFrom?.toISOString() ?? null,
            ValidityEndUtc: item.validUntil?.toISOString() ?? null,
          })),
        },
        VoucherCodesAnswer,
        "add",
      );
      const nowMs = now();
      return (answer.VoucherCodes ?? []).map((c) => toAccessCode(c, nowMs));
    },

    async deleteCodes(ids: string[]) {
      tooMany("ids", ids.length);
      const notFound = () =>
        new HttpProblem(
          "NOT_FOUND",
          "Some of these codes do not exist or belong to vouchers this account does not manage.",
        );
      if (!ids.every((id) => GUID.test(id))) throw notFound();
      const found = await client.call(
        "voucherCodes/getAll",
        { ...readScope, VoucherCodeIds: ids, Limitation: { Count: ids.length } },
        VoucherCodesAnswer,
        "read",
      );
      const mine = new Set((found.VoucherCodes ?? []).filter((c) => managed.has(c.VoucherId)).map((c) => c.Id));
      if (!ids.every((id) => mine.has(id))) throw notFound();
      await client.call("voucherCodes/delete", { ...writeScope, VoucherCodeIds: ids }, EmptyAnswer, "delete");
    },
  };
}
