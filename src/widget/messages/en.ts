/**
 * English messages, bundled with the widget. Every error code of the closed set (plus the browser's own
 * and the form's validation codes) has words here and only here (DESIGN §6.6); other languages copy this
 * shape, and the type makes a missing message a compile error.
 */
import type { ClientErrorCode } from "../../api/api-error.ts";
import type { InputErrorCode } from "../../flow/entry-input.ts";
import type { StopReason } from "../../flow/offer.ts";
import type { VoucherStatus } from "../../shared/contract.schema.ts";
import type { ErrorCode } from "../../shared/error-codes.ts";
import { durationText } from "./duration-text.ts";

/** Every code the widget may have to put into words. */
export type MessageCode = ErrorCode | ClientErrorCode | InputErrorCode;

/** Why an access code is not valid: its status from a check, or `unknown` (the check said VOUCHER_INVALID). */
export type AccessReason = "unknown" | Exclude<VoucherStatus, "active">;

export const en = {
  /** The pack's language (BCP 47), for the widget's `lang` so assistive technology reads it in that language. */
  lang: "en",
  /** Accessible name of the whole widget. */
  title: "Gift voucher",
  issueTitle: "Sell a gift voucher",
  code: "Voucher code",
  pin: "PIN",
  amount: "Amount",
  issueAmount: "Voucher value",
  validUntil: "Valid until",
  check: "Check balance",
  /** The check button where codes are access codes (no balance to check). */
  checkCode: "Check code",
  hold: "Hold",
  redeem: "Redeem",
  release: "Release",
  extend: "Extend",
  confirmRelease: "Release the hold on this voucher?",
  releaseConfirm: "Release hold",
  keepHold: "Keep hold",
  next: "Next voucher",
  sell: "Sell voucher",
  sellAnother: "Sell another",
  copy: "Copy code",
  print: "Print",
  retry: "Try again",
  /** A redeem the provider has not confirmed yet, and when to try again (`retryAfterSeconds`). */
  unconfirmed: (seconds: number) => `The provider has not confirmed yet. Try again in ${seconds} s.`,
  /** Name of the countdown beside Redeem while a retry has to wait. */
  retryWait: "Time until you can try again",
  voucher: "Voucher",
  balance: "Balance",
  held: "Held",
  timeLeft: "Time left",
  redeemed: "Redeemed",
  remaining: "Remaining balance",
  value: "Value",
  noExpiry: "No expiry date",
  status: "Status",
  /** The verdict on an access code. */
  valid: "Valid",
  notValid: "Not valid",
  /** A check's status, as the summary shows it. */
  statuses: {
    active: "Active",
    inactive: "Not active",
    expired: "Expired",
    redeemed: "Already used",
    held: "Held by another sale",
    not_yet_valid: "Not yet valid",
  } satisfies Record<VoucherStatus, string>,
  /** Why a checked value voucher goes no further here (no Hold is offered). */
  stops: {
    inactive: "This voucher is not active, so it can't be used.",
    expired: "This voucher has expired.",
    redeemed: "This voucher has already been used.",
    held: "This voucher is held by another sale. Try again later.",
    not_yet_valid: "This voucher is not valid yet.",
    not_redeemable: "This voucher can't be redeemed here: the voucher provider does not support redeeming.",
  } satisfies Record<StopReason, string>,
  /** Why an access code is not valid. */
  access: {
    unknown: "This code is not known.",
    inactive: "This code is not active.",
    expired: "This code has expired.",
    not_yet_valid: "This code is not valid yet.",
    redeemed: "This code has already been used.",
    held: "This code is in use elsewhere.",
  } satisfies Record<AccessReason, string>,
  /** VOUCHER_INVALID where the account's vouchers have no PIN (so "or PIN" would mislead). */
  codeInvalid: "This voucher code is not valid.",
  /** Full-value-only accounts, beside the read-only amount. */
  fullValueOnly: (amount: string) =>
    `This voucher can only be redeemed in full, so the hold is for its whole balance of ${amount}.`,
  /** Held view, where the hold is emulated by the BFF rather than kept by the provider. */
  keptByService:
    "This hold is kept by this service only: until the voucher is redeemed here, it could still be used through other channels.",
  /** Issue mode on an account that cannot issue. */
  cannotIssue: "This account can't sell vouchers.",
  /** The camera scanner (offered where the browser reads barcodes). */
  camera: {
    open: "Scan with camera",
    title: "Camera scanner",
    hint: "Hold the voucher's barcode or QR code in front of the camera.",
    close: "Close camera",
    unavailable: "The camera can't be used here. Type or scan the code instead.",
  },
  /** A `required` widget in a form that is submitted before a voucher is held (the form's validation message). */
  valueMissing: "Enter a gift voucher and hold it before you continue.",
  // Status lines, read out by the live region.
  loading: "Loading…",
  checking: "Checking voucher…",
  holding: "Holding amount…",
  extending: "Extending hold…",
  releasing: "Releasing hold…",
  redeeming: "Redeeming…",
  issuing: "Issuing voucher…",
  copied: "Code copied.",
  released: "The hold was released.",
  expired: "The hold expired. Enter the voucher again.",
  checked: (balance: string) => `Balance: ${balance}.`,
  /** An access code checked and good; `until` is a formatted date, null for no end. */
  validStatus: (until: string | null) => (until ? `Valid until ${until}.` : "Valid, no expiry date."),
  heldUntil: (amount: string, time: string) => `${amount} held until ${time}.`,
  /** A countdown warning; the number and its plural come from `Intl` (see duration-text.ts). */
  expiring: (seconds: number) => `${durationText("en", seconds)} left on the hold.`,
  redeemedStatus: (amount: string, remaining: string | null) =>
    remaining ? `Redeemed ${amount}. Remaining balance ${remaining}.` : `Redeemed ${amount}.`,
  issued: (amount: string) => `Voucher for ${amount} issued.`,
  /** Split tender: several vouchers on one sale (the `split` attribute). */
  tender: {
    title: "Vouchers on this sale",
    addAnother: "Add another voucher",
    due: "Amount due",
    covered: "Paid by vouchers",
    stillDue: "Still due",
    timeLeftOn: (code: string) => `Time left on ${code}`,
    /** A list item's buttons: short visible words, and accessible names that say which voucher. */
    remove: "Remove",
    retry: "Retry",
    removeVoucher: (code: string) => `Remove voucher ${code}`,
    retryVoucher: (code: string) => `Retry voucher ${code}`,
    /** Name of the countdown beside a voucher's Retry while its retry has to wait. */
    retryWaitOn: (code: string) => `Time until you can retry voucher ${code}`,
    redeemAll: (count: number) => (count === 1 ? "Redeem voucher" : `Redeem ${count} vouchers`),
    nextSale: "Next sale",
    states: {
      held: "Held",
      redeeming: "Redeeming…",
      redeemed: "Redeemed",
      failed: "Not redeemed",
      releasing: "Removing…",
    },
    /** The live status after each change: what the vouchers cover and what is left to pay. */
    summary: (covered: string, stillDue: string | null) =>
      stillDue === null ? `Vouchers cover ${covered}.` : `Vouchers cover ${covered}. Still due: ${stillDue}.`,
    complete: (count: number, total: string) =>
      count === 1 ? `1 voucher redeemed for ${total}.` : `${count} vouchers redeemed for ${total}.`,
    failed: (code: string, reason: string) => `${code} was not redeemed: ${reason}`,
    expiring: (code: string, seconds: number) => `${code}: ${durationText("en", seconds)} left on the hold.`,
    expired: (code: string) => `The hold on ${code} ran out, so it was taken off this sale.`,
    gone: (code: string) => `${code} is no longer held, so it was taken off this sale.`,
  },
  errors: {
    INVALID_REQUEST: "Some of the details were not accepted. Check them and try again.",
    NOT_FOUND: "Not found.",
    UNAUTHORIZED: "The session has expired. Reload the page to continue.",
    FORBIDDEN: "This terminal is not allowed to do that.",
    VOUCHER_INVALID: "Voucher code or PIN is not valid.",
    PIN_REQUIRED: "This voucher needs its PIN.",
    PIN_LOCKED: "Too many wrong attempts for this voucher. Try again later.",
    INSUFFICIENT_BALANCE: "The voucher's balance is lower than this amount.",
    CURRENCY_MISMATCH: "This voucher is in another currency.",
    VOUCHER_EXPIRED: "This voucher has expired.",
    VOUCHER_INACTIVE: "This voucher is not active.",
    VOUCHER_HELD: "This voucher is held by another sale. Try again later.",
    HOLD_NOT_FOUND: "The hold no longer exists. Enter the voucher again.",
    HOLD_EXPIRED: "The hold expired. Enter the voucher again.",
    ALREADY_REDEEMED: "This hold has already been redeemed.",
    REDEMPTION_NOT_FOUND: "The redemption was not found.",
    REFUND_EXCEEDS_REDEMPTION: "The refund is more than what is left of the redemption.",
    NOT_SUPPORTED: "The voucher provider does not support this.",
    PARTIAL_NOT_SUPPORTED: "This voucher can only be used for its full value.",
    IDEMPOTENCY_CONFLICT: "This was already sent with different details. Start over.",
    IDEMPOTENCY_IN_PROGRESS: "The previous attempt is still being processed. Try again in a moment.",
    RATE_LIMITED: "Too many attempts. Wait a moment and try again.",
    PROVIDER_UNAVAILABLE: "The voucher service cannot be reached right now. Try again.",
    OVERLOADED: "The service is busy. Try again in a moment.",
    PROVIDER_ERROR: "The voucher service reported an error.",
    INTERNAL: "Something went wrong. Try again.",
    NETWORK_ERROR: "No connection to the server. Try again.",
    BAD_RESPONSE: "The server sent an unexpected answer. Try again.",
    CODE_MISSING: "Enter the voucher code.",
    PIN_MISSING: "Enter the PIN.",
    AMOUNT_INVALID: "Enter an amount greater than zero, e.g. 12.50.",
    AMOUNT_TOO_HIGH: "The amount can't be more than the amount due.",
    DATE_INVALID: "Enter a valid date.",
    FULL_VALUE_OVER_DUE: "This voucher can only be redeemed in full, and its balance is more than the amount due.",
  } satisfies Record<MessageCode, string>,
};

/** The shape every language pack has. */
export type Messages = typeof en;
