/**
 * Picks the language pack for a locale. Every pack, English too, is a separate chunk fetched by dynamic
 * import only when asked for, so a page pays for one language, and the main bundle for none: the element
 * asks for its words as it starts, alongside the account's capabilities it has to wait for anyway. A pack
 * whose fetch fails is tried again (retry-import.ts); a language that still cannot be fetched falls back to
 * English, and only when English cannot be fetched either does the load fail.
 */
import type { Capabilities, VoucherKind } from "../../shared/contract.schema.ts";
import { importChunk } from "../retry-import.ts";
import type { AccessReason, MessageCode, Messages } from "./en.ts";
import { browserLocale, languageIn, languageOf } from "./locale.ts";

export type { AccessReason, MessageCode, Messages };
export { browserLocale, languageOf };

/** Each pack's module by language subtag (exporting the pack under that name); each `import()` is a chunk. */
const packs: Record<string, () => Promise<Record<string, Messages>>> = {
  en: () => import("./en.ts"),
  de: () => import("./de.ts"),
  fr: () => import("./fr.ts"),
  nl: () => import("./nl.ts"),
  es: () => import("./es.ts"),
  it: () => import("./it.ts"),
};

/** A retry's `import()`, written here so that the chunks' relative URLs resolve as the table's do. */
const importUrl = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** A language's pack, from its chunk (`lang` is one of the table's). */
async function loadPack(lang: string, signal?: AbortSignal): Promise<Messages> {
  return (await importChunk(packs[lang]!, { importUrl, signal }))[lang] as Messages;
}

/**
 * The messages for a BCP 47 locale (empty: the browser's language) by its language subtag; English for a
 * language without a pack, and when a pack cannot be fetched (so the widget still works, in English).
 * Rejects only when English cannot be fetched (or `signal` is aborted).
 */
export async function loadMessages(locale: string | undefined, signal?: AbortSignal): Promise<Messages> {
  const lang = languageIn(packs, locale) ?? "en";
  try {
    return await loadPack(lang, signal);
  } catch (error) {
    if (lang === "en" || signal?.aborted) throw error;
    return loadPack("en", signal);
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
