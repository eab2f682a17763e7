/**
 * Words of `<voucher-codes>`: English here; German, French, Dutch, Spanish and Italian in messages-*.ts.
 * All six are bundled, not lazy: the element is a back-office tool with a bundle of its own (not the
 * checkout's), each pack is about a kilobyte gzip, and a synchronous pick means the table never renders in
 * English first. Every error code of the closed set, the browser's own and the form's have words; the type
 * makes a missing one a compile error.
 */
import type { ClientErrorCode } from "../../api/api-error.ts";
import type { ErrorCode } from "../../shared/error-codes.ts";
import type { AccessCodeState } from "../../shared/voucher-codes.schema.ts";
import { byLanguage } from "../messages/locale.ts";
import { de } from "./messages-de.ts";
import { es } from "./messages-es.ts";
import { fr } from "./messages-fr.ts";
import { it } from "./messages-it.ts";
import { nl } from "./messages-nl.ts";

/** Problems the add form finds before anything is sent. */
export type FormErrorCode = "CODE_MISSING" | "CODE_FORMAT" | "VOUCHER_MISSING" | "DATE_INVALID" | "DATES_ORDER";

/** Every code the element may have to put into words. */
export type CodesMessageCode = ErrorCode | ClientErrorCode | FormErrorCode;

export const en = {
  /** The pack's language (BCP 47), for the element's `lang`. */
  lang: "en",
  title: "Access codes",
  table: "Codes",
  addTitle: "Add a code",
  voucher: "Voucher",
  code: "Code",
  validFrom: "Valid from (optional)",
  validUntil: "Valid until (optional)",
  validFromColumn: "Valid from",
  validUntilColumn: "Valid until",
  state: "State",
  actions: "Actions",
  notSet: "Not set",
  add: "Add code",
  refresh: "Refresh",
  deleteCode: (value: string) => `Delete code ${value}`,
  delete: "Delete",
  cancel: "Cancel",
  confirmTitle: "Delete code?",
  confirmText: (value: string) => `Delete code ${value}? Guests can no longer use it to book the voucher's rates.`,
  pages: "Pages",
  previous: "Previous page",
  next: "Next page",
  page: (n: number) => `Page ${n}`,
  empty: "No codes yet.",
  noVouchers: "This account has no vouchers to add codes to.",
  loading: "Loading codes…",
  adding: "Adding code…",
  deleting: "Deleting code…",
  added: (value: string) => `Code ${value} added.`,
  deleted: (value: string) => `Code ${value} deleted.`,
  retry: "Try again",
  states: {
    active: "Active",
    expired: "Expired",
    not_yet_valid: "Not yet valid",
    deleted: "Deleted",
  } satisfies Record<AccessCodeState, string>,
  errors: {
    INVALID_REQUEST: "The code was not accepted. A code with this value may already exist, or a detail is not valid.",
    NOT_FOUND: "The code no longer exists. Refresh the list.",
    UNAUTHORIZED: "The session has expired. Reload the page to continue.",
    FORBIDDEN: "This session may not manage access codes.",
    VOUCHER_INVALID: "The code is not valid.",
    PIN_REQUIRED: "A PIN is required.",
    PIN_LOCKED: "Too many wrong attempts. Try again later.",
    INSUFFICIENT_BALANCE: "The balance is too low.",
    CURRENCY_MISMATCH: "The currency does not match.",
    VOUCHER_EXPIRED: "The code has expired.",
    VOUCHER_INACTIVE: "The code is not active.",
    VOUCHER_HELD: "The voucher is held by another sale.",
    HOLD_NOT_FOUND: "The hold no longer exists.",
    HOLD_EXPIRED: "The hold expired.",
    ALREADY_REDEEMED: "Already redeemed.",
    REDEMPTION_NOT_FOUND: "The redemption was not found.",
    REFUND_EXCEEDS_REDEMPTION: "The refund is more than the redemption.",
    NOT_SUPPORTED: "This account's voucher provider has no access codes to manage.",
    PARTIAL_NOT_SUPPORTED: "Only the full value can be used.",
    IDEMPOTENCY_CONFLICT: "This was already sent with different details. Start over.",
    IDEMPOTENCY_IN_PROGRESS: "The previous attempt is still being processed. Try again in a moment.",
    RATE_LIMITED: "Too many requests to the hotel system. Wait a moment and try again.",
    PROVIDER_UNAVAILABLE: "The hotel system cannot be reached right now. Try again.",
    PROVIDER_ERROR: "The hotel system reported an error.",
    OVERLOADED: "The service is busy. Try again shortly.",
    INTERNAL: "Something went wrong. Try again.",
    NETWORK_ERROR: "No connection to the server. Try again.",
    BAD_RESPONSE: "The server sent an unexpected answer. Try again.",
    CODE_MISSING: "Enter the code.",
    CODE_FORMAT: "Use letters and digits only (spaces and dashes are dropped), at most 128.",
    VOUCHER_MISSING: "Choose a voucher.",
    DATE_INVALID: "Enter a valid date.",
    DATES_ORDER: "The end date must be on or after the start date.",
  } satisfies Record<CodesMessageCode, string>,
};

/** The shape every language has. */
export type CodesMessages = typeof en;

export { de, es, fr, it, nl };

/** Every language, by language subtag. */
export const codesPacks: Readonly<Record<string, CodesMessages>> = { en, de, fr, nl, es, it };

/** The messages for a BCP 47 locale (empty: the browser's language) by its language subtag; else English. */
export function codesMessages(locale: string | undefined): CodesMessages {
  return byLanguage(codesPacks, locale) ?? en;
}

/** The words for an error code; unknown codes (a newer server) get the generic message. */
export function codesErrorText(m: CodesMessages, code: string): string {
  return (m.errors as Record<string, string>)[code] ?? m.errors.INTERNAL;
}
