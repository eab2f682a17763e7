/**
 * Picks the language pack for a locale. English is bundled; German is a separate chunk fetched by dynamic
 * import only when asked for, so English pages never pay for it.
 */
import type { Capabilities, VoucherKind } from "../../shared/contract.schema.ts";
import { type AccessReason, en, type MessageCode, type Messages } from "./en.ts";

export type { AccessReason, MessageCode, Messages };
export { en };

/** The messages for a BCP 47 locale; falls back to English for anything not translated (or not loadable). */
export async function loadMessages(locale: string | undefined): Promise<Messages> {
  if (locale?.toLowerCase().startsWith("de")) {
    try {
      return (await import("./de.ts")).de;
    } catch {
      return en;
    }
  }
  return en;
}

/** What an account's vouchers are like, where that changes the words for an error. */
export interface ErrorContext {
  kind: VoucherKind;
  pin: Capabilities["pin"];
}

/** Refusals of an access code, said about a code rather than a voucher. */
const accessReasons: Partial<Record<string, AccessReason>> = {
  VOUCHER_INVALID: "unknown",
  VOUCHER_EXPIRED: "expired",
  VOUCHER_INACTIVE: "inactive",
};

/** The words for an error code; unknown codes (a newer server) get the generic message. */
export function errorMessage(messages: Messages, code: string, context?: ErrorContext): string {
  const access = context?.kind === "access" ? accessReasons[code] : undefined;
  if (access) return messages.access[access];
  if (code === "VOUCHER_INVALID" && context?.pin === "none") return messages.codeInvalid;
  return (messages.errors as Record<string, string>)[code] ?? messages.errors.INTERNAL;
}
