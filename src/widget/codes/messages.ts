/**
 * Words of `<voucher-codes>`, English and German. Both are bundled (the element is a back-office tool with
 * its own bundle, and the German pack is under a kilobyte). Every error code of the closed set, the
 * browser's own and the form's have words here; the type makes a missing one a compile error.
 */
import type { ClientErrorCode } from "../../api/api-error.ts";
import type { ErrorCode } from "../../shared/error-codes.ts";
import type { AccessCodeState } from "../../shared/voucher-codes.schema.ts";

/** Problems the add form finds before anything is sent. */
export type FormErrorCode = "CODE_MISSING" | "CODE_FORMAT" | "VOUCHER_MISSING" | "DATE_INVALID" | "DATES_ORDER";

/** Every code the element may have to put into words. */
export type CodesMessageCode = ErrorCode | ClientErrorCode | FormErrorCode;

export const en = {
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

export const de: CodesMessages = {
  title: "Zugangscodes",
  table: "Codes",
  addTitle: "Code hinzufügen",
  voucher: "Gutschein",
  code: "Code",
  validFrom: "Gültig ab (optional)",
  validUntil: "Gültig bis (optional)",
  validFromColumn: "Gültig ab",
  validUntilColumn: "Gültig bis",
  state: "Status",
  actions: "Aktionen",
  notSet: "Nicht gesetzt",
  add: "Code hinzufügen",
  refresh: "Aktualisieren",
  deleteCode: (value) => `Code ${value} löschen`,
  delete: "Löschen",
  cancel: "Abbrechen",
  confirmTitle: "Code löschen?",
  confirmText: (value) => `Code ${value} löschen? Gäste können damit die Raten des Gutscheins nicht mehr buchen.`,
  pages: "Seiten",
  previous: "Vorherige Seite",
  next: "Nächste Seite",
  page: (n) => `Seite ${n}`,
  empty: "Noch keine Codes.",
  noVouchers: "Dieses Konto hat keine Gutscheine, denen Codes hinzugefügt werden können.",
  loading: "Codes werden geladen …",
  adding: "Code wird hinzugefügt …",
  deleting: "Code wird gelöscht …",
  added: (value) => `Code ${value} hinzugefügt.`,
  deleted: (value) => `Code ${value} gelöscht.`,
  retry: "Erneut versuchen",
  states: { active: "Aktiv", expired: "Abgelaufen", not_yet_valid: "Noch nicht gültig", deleted: "Gelöscht" },
  errors: {
    INVALID_REQUEST: "Der Code wurde nicht angenommen. Vielleicht gibt es ihn schon, oder eine Angabe ist ungültig.",
    NOT_FOUND: "Den Code gibt es nicht mehr. Aktualisieren Sie die Liste.",
    UNAUTHORIZED: "Die Sitzung ist abgelaufen. Laden Sie die Seite neu.",
    FORBIDDEN: "Diese Sitzung darf keine Zugangscodes verwalten.",
    VOUCHER_INVALID: "Der Code ist ungültig.",
    PIN_REQUIRED: "Eine PIN ist nötig.",
    PIN_LOCKED: "Zu viele Fehlversuche. Versuchen Sie es später erneut.",
    INSUFFICIENT_BALANCE: "Das Guthaben reicht nicht.",
    CURRENCY_MISMATCH: "Die Währung passt nicht.",
    VOUCHER_EXPIRED: "Der Code ist abgelaufen.",
    VOUCHER_INACTIVE: "Der Code ist nicht aktiv.",
    VOUCHER_HELD: "Der Gutschein ist für einen anderen Verkauf reserviert.",
    HOLD_NOT_FOUND: "Die Reservierung gibt es nicht mehr.",
    HOLD_EXPIRED: "Die Reservierung ist abgelaufen.",
    ALREADY_REDEEMED: "Bereits eingelöst.",
    REDEMPTION_NOT_FOUND: "Die Einlösung wurde nicht gefunden.",
    REFUND_EXCEEDS_REDEMPTION: "Die Erstattung ist höher als die Einlösung.",
    NOT_SUPPORTED: "Der Gutscheinanbieter dieses Kontos hat keine Zugangscodes zu verwalten.",
    PARTIAL_NOT_SUPPORTED: "Nur der volle Wert kann eingelöst werden.",
    IDEMPOTENCY_CONFLICT: "Das wurde schon mit anderen Angaben gesendet. Beginnen Sie neu.",
    IDEMPOTENCY_IN_PROGRESS: "Der vorige Versuch läuft noch. Versuchen Sie es gleich noch einmal.",
    RATE_LIMITED: "Zu viele Anfragen an das Hotelsystem. Warten Sie kurz und versuchen Sie es erneut.",
    PROVIDER_UNAVAILABLE: "Das Hotelsystem ist gerade nicht erreichbar. Versuchen Sie es erneut.",
    PROVIDER_ERROR: "Das Hotelsystem hat einen Fehler gemeldet.",
    OVERLOADED: "Der Dienst ist ausgelastet. Versuchen Sie es gleich erneut.",
    INTERNAL: "Etwas ist schiefgegangen. Versuchen Sie es erneut.",
    NETWORK_ERROR: "Keine Verbindung zum Server. Versuchen Sie es erneut.",
    BAD_RESPONSE: "Der Server hat unerwartet geantwortet. Versuchen Sie es erneut.",
    CODE_MISSING: "Geben Sie den Code ein.",
    CODE_FORMAT: "Nur Buchstaben und Ziffern (Leerzeichen und Bindestriche entfallen), höchstens 128.",
    VOUCHER_MISSING: "Wählen Sie einen Gutschein.",
    DATE_INVALID: "Geben Sie ein gültiges Datum ein.",
    DATES_ORDER: "Das Enddatum darf nicht vor dem Startdatum liegen.",
  },
};

/** The messages for a BCP 47 locale: German for `de…`, English otherwise. */
export function codesMessages(locale: string | undefined): CodesMessages {
  return locale?.toLowerCase().startsWith("de") ? de : en;
}

/** The words for an error code; unknown codes (a newer server) get the generic message. */
export function codesErrorText(m: CodesMessages, code: string): string {
  return (m.errors as Record<string, string>)[code] ?? m.errors.INTERNAL;
}
