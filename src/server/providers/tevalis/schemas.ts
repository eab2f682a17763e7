/**
 * The parts of Tevalis's answers the adapter reads, parsed rather than trusted. Extra fields are ignored so
 * a new field upstream does not break us.
 */
import { z } from "zod";

export const WebVoucherDto = z.object({
  WebVoucherId: z.number().int(),
  SerialNumber: z.string().min(1),
  DateSold: z.string(),
  ExpiryDate: z.string(),
  Value: z.number(),
  Notes: z.string().nullish(),
});
export type WebVoucherDto = z.infer<typeof WebVoucherDto>;

/** `VoucherSearchResultDto`: `Error` says why there is no voucher (wording not documented). */
export const VoucherSearchResult = z.object({
  Error: z.string().nullish(),
  WebVoucher: WebVoucherDto.nullish(),
});

/** Web API's refusal of a request body: `{Message, ModelState: {"command.Field": [messages]}}`. */
export const ModelStateBody = z.object({
  Message: z.string().optional(),
  ModelState: z.record(z.string(), z.array(z.string())).optional(),
});
