/**
 * The access-code admin contract (DESIGN §4, `/api/v1/voucher-codes`): list with a cursor, add, delete,
 * and the vouchers codes may be added to. In zod/mini like the rest of the contract; only the
 * `<voucher-codes>` bundle and the BFF parse these, so they do not weigh on the main widget.
 */
import { z } from "zod/mini";
import { normalizeCode } from "./voucher-code.ts";

const isoDateTime = z.iso.datetime({ offset: true });
const CodeId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "1–64 letters, digits, _ or -"));
const distinct = (values: readonly string[]) => new Set(values).size === values.length;

/**
 * A code as typed by an admin: 1–128 letters and digits, spaces and dashes allowed for readability. The BFF
 * stores it normalized (upper case, no spaces or dashes), which is how the widget's check looks codes up.
 */
export const AccessCodeValue = z
  .string()
  .check(
    z.maxLength(128),
    z.regex(/^[A-Za-z0-9 _-]*[A-Za-z0-9][A-Za-z0-9 _-]*$/, "letters and digits (spaces and dashes are dropped)"),
  );

export const AccessCodeState = z.enum(["active", "expired", "not_yet_valid", "deleted"]);

export const AccessCode = z.object({
  id: CodeId,
  voucherId: CodeId,
  value: z.string(),
  validFrom: z.optional(z.nullable(isoDateTime)),
  validUntil: z.optional(z.nullable(isoDateTime)),
  state: AccessCodeState,
  createdAt: isoDateTime,
});

/** `GET /api/v1/voucher-codes?cursor=&limit=`: newest first; pass `nextCursor` back for older codes. */
export const ListAccessCodesQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  limit: z.optional(
    z.coerce.number().check(z.refine(Number.isInteger, "a whole number"), z.minimum(1), z.maximum(200)),
  ),
});
export const AccessCodePage = z.object({ items: z.array(AccessCode), nextCursor: z.nullable(z.string()) });

export const NewAccessCode = z
  .strictObject({
    voucherId: CodeId,
    value: AccessCodeValue,
    validFrom: z.optional(isoDateTime),
    validUntil: z.optional(isoDateTime),
  })
  .check(
    z.refine((c) => !c.validFrom || !c.validUntil || Date.parse(c.validFrom) <= Date.parse(c.validUntil), {
      message: "validFrom must not be after validUntil",
      path: ["validUntil"],
    }),
  );
export const AddAccessCodesRequest = z.strictObject({
  items: z.array(NewAccessCode).check(
    z.minLength(1),
    z.maxLength(1000),
    z.refine((items) => distinct(items.map((i) => normalizeCode(i.value))), "each value only once"),
  ),
});
export const AddAccessCodesResponse = z.object({ items: z.array(AccessCode) });

export const DeleteAccessCodesRequest = z.strictObject({
  ids: z.array(CodeId).check(z.minLength(1), z.maxLength(1000), z.refine(distinct, "each id only once")),
});
export const DeleteAccessCodesResponse = z.object({ deleted: z.array(CodeId) });

export const AccessCodeVoucher = z.object({ id: CodeId, name: z.string() });
export const AccessCodeVouchersResponse = z.object({ vouchers: z.array(AccessCodeVoucher) });

/**
 * The access-code admin routes, in the shape of `routes` (`src/shared/routes.ts`) but a table of their own:
 * the main widget imports `routes`, and any import of this module from there would put these schemas into
 * its bundle (measured: +0.3 KB gzip, not tree-shaken). The BFF serves them with `registerCodesRoutes`;
 * `<voucher-codes>` calls them through `src/api/codes-client.ts`.
 */
export const codesRoutes = {
  listAccessCodeVouchers: {
    method: "GET",
    path: "/api/v1/voucher-codes/vouchers",
    body: null,
    response: AccessCodeVouchersResponse,
    status: 200,
    idempotent: false,
  },
  listAccessCodes: {
    method: "GET",
    path: "/api/v1/voucher-codes",
    body: null,
    /** Query string parameters (`?cursor=&limit=`). */
    query: ListAccessCodesQuery,
    response: AccessCodePage,
    status: 200,
    idempotent: false,
  },
  addAccessCodes: {
    method: "POST",
    path: "/api/v1/voucher-codes",
    body: AddAccessCodesRequest,
    response: AddAccessCodesResponse,
    status: 201,
    idempotent: true,
  },
  deleteAccessCodes: {
    method: "DELETE",
    path: "/api/v1/voucher-codes",
    body: DeleteAccessCodesRequest,
    response: DeleteAccessCodesResponse,
    status: 200,
    idempotent: false,
  },
} as const;

export type CodesRouteName = keyof typeof codesRoutes;
export type AccessCodeState = z.infer<typeof AccessCodeState>;
export type AccessCode = z.infer<typeof AccessCode>;
export type ListAccessCodesQuery = z.input<typeof ListAccessCodesQuery>;
export type AccessCodePage = z.infer<typeof AccessCodePage>;
export type NewAccessCode = z.infer<typeof NewAccessCode>;
export type AddAccessCodesRequest = z.infer<typeof AddAccessCodesRequest>;
export type AddAccessCodesResponse = z.infer<typeof AddAccessCodesResponse>;
export type DeleteAccessCodesRequest = z.infer<typeof DeleteAccessCodesRequest>;
export type DeleteAccessCodesResponse = z.infer<typeof DeleteAccessCodesResponse>;
export type AccessCodeVoucher = z.infer<typeof AccessCodeVoucher>;
export type AccessCodeVouchersResponse = z.infer<typeof AccessCodeVouchersResponse>;
