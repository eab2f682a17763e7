/**
 * Picks the language pack for a locale. Every pack, English too, is a separate chunk fetched by dynamic
 * import only when asked for, so a page pays for one language, and the main bundle for none: the element
 * asks for its words as it starts, alongside the account's capabilities it has to wait for anyway.
 */
import type { Capabilities, VoucherKind } from "../../shared/contract.schema.ts";
import type { AccessReason, MessageCode, Messages } from "./en.ts";
import { browserLocale, byLanguage, languageOf } from "./locale.ts";

export type { AccessReason, MessageCode, Messages };
export { browserLocale, languageOf };

/** English: the pack for every language without one of its own. */
const english = async (): Promise<Messages> => (await import("./en.ts")).en;

/** The packs besides English, by language subtag; each `import()` is a chunk of its own. */
const packs: Record<string, () => Promise<Messages>> = {
  de: async () => (await import("./de.ts")).de,
  fr: async () => (await import("./fr.ts")).fr,
  nl: async () => (await import("./nl.ts")).nl,
  es: async () => (await import("./es.ts")).es,
  it: async () => (await import("./it.ts")).it,
};

/**
 * The messages for a BCP 47 locale (empty: the browser's language) by its language subtag; English for a
 * language without a pack, and when a pack cannot be fetched (so the widget still works, in English).
 */
export async function loadMessages(locale: string | undefined): Promise<Messages> {
  const load = byLanguage(packs, locale);
  if (!load) return english();
  try {
    return await load();
  } catch {
    return english();
  }
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
