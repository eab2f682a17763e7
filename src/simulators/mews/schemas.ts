/**
 * Request bodies of the simulated operations, as documented (operations/vouchercodes.md, vouchers.md,
 * guidelines/pagination.md). Objects are strict: ASSUMPTION: Mews ignores unknown properties, but then a
 * misspelt filter (`VoucherCodeValue`) would silently widen a query, so the simulator refuses them and an
 * adapter with such a typo fails its tests instead of listing every code.
 */
import { z } from "zod";

/** Mews identifiers are GUIDs; anything else is "an invalid identifier" (400). */
export const Guid = z.guid();
const iso = z.iso.datetime({ offset: true });

/** An array of at most 1000 items, the limit on every list the API takes. */
export const max1000 = <T extends z.ZodType>(item: T) => z.array(item).max(1000);

export const Limitation = z.strictObject({
  Count: z.int().min(1).max(1000),
  Cursor: Guid.nullish(),
});

export const TimeInterval = z.strictObject({ StartUtc: iso, EndUtc: iso });

export const ActivityStateSchema = z.enum(["Active", "Deleted"]);

export const VoucherCodesGetAll = z.strictObject({
  EnterpriseIds: max1000(Guid).nullish(),
  VoucherCodeIds: max1000(Guid).nullish(),
  VoucherIds: max1000(Guid).nullish(),
  UpdatedUtc: TimeInterval.nullish(),
  Limitation,
});

export const VoucherCodesAdd = z.strictObject({
  EnterpriseId: Guid.nullish(),
  VoucherCodeParameters: max1000(
    z.strictObject({
      VoucherId: Guid,
      Value: z.string().min(1).max(128),
      ValidityStartUtc: iso.nullish(),
      ValidityEndUtc: iso.nullish(),
    }),
  ).min(1),
});

export const VoucherCodesDelete = z.strictObject({
  EnterpriseId: Guid.nullish(),
  VoucherCodeIds: max1000(Guid).min(1),
});

export const VouchersGetAll = z.strictObject({
  EnterpriseIds: max1000(Guid).nullish(),
  ServiceIds: max1000(Guid).min(1),
  VoucherIds: max1000(Guid).nullish(),
  CompanyIds: max1000(Guid).nullish(),
  VoucherCodeValues: max1000(z.string().min(1).max(128)).nullish(),
  ExternalIdentifiers: max1000(z.string().max(255)).nullish(),
  ActivityStates: z.array(ActivityStateSchema).max(2).nullish(),
  UpdatedUtc: TimeInterval.nullish(),
  Extent: z.strictObject({
    Vouchers: z.boolean().nullish(),
    VoucherAssignments: z.boolean().nullish(),
    Rates: z.boolean().nullish(),
    /** Deprecated upstream (use voucherCodes/getAll), still answered. */
    VoucherCodes: z.boolean().nullish(),
    /** Deprecated upstream; always answered with null. */
    Companies: z.boolean().nullish(),
  }),
  Limitation,
});

/** The fields every request carries (guidelines/requests.md). */
export const Envelope = z.object({
  ClientToken: z.string().min(1),
  AccessToken: z.string().min(1),
  Client: z.string().min(1).max(255),
  LanguageCode: z.string().nullish(),
  CultureCode: z.string().nullish(),
});

/** Parses `body` or throws a 400 naming the first broken rule (never echoing values). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, badRequest: (m: string) => Error): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "request";
  throw badRequest(`Invalid ${where}: ${issue?.message ?? "malformed request"}.`);
}
