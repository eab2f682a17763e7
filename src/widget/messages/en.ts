/**
 * English messages, bundled with the widget. Every error code of the closed set (plus the browser's own
 * and the form's validation codes) has words here and only here (DESIGN §6.6); other languages copy this
 * shape, and the type makes a missing message a compile error.
 */
import type { ClientErrorCode } from "../../api/api-error.ts";
import type { InputErrorCode } from "../../flow/entry-input.ts";
import type { ErrorCode } from "../../shared/error-codes.ts";

/** Every code the widget may have to put into words. */
export type MessageCode = ErrorCode | ClientErrorCode | InputErrorCode;

export const en = {
  /** Accessible name of the whole widget. */
  title: "Gift voucher",
  issueTitle: "Sell a gift voucher",
  code: "Voucher code",
  pin: "PIN",
  amount: "Amount",
  issueAmount: "Voucher value",
  validUntil: "Valid until",
  check: "Check balance",
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
  retry: "Try again",
  voucher: "Voucher",
  balance: "Balance",
  held: "Held",
  timeLeft: "Time left",
  redeemed: "Redeemed",
  remaining: "Remaining balance",
  value: "Value",
  noExpiry: "No expiry date",
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
  heldUntil: (amount: string, time: string) => `${amount} held until ${time}.`,
  expiring: (seconds: number) =>
    seconds >= 60
      ? `${Math.round(seconds / 60)} ${Math.round(seconds / 60) === 1 ? "minute" : "minutes"} left on the hold.`
      : `${seconds} ${seconds === 1 ? "second" : "seconds"} left on the hold.`,
  redeemedStatus: (amount: string, remaining: string | null) =>
    remaining ? `Redeemed ${amount}. Remaining balance ${remaining}.` : `Redeemed ${amount}.`,
  issued: (amount: string) => `Voucher for ${amount} issued.`,
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
    PROVIDER_ERROR: "The voucher service reported an error.",
    INTERNAL: "Something went wrong. Try again.",
    NETWORK_ERROR: "No connection to the server. Try again.",
    BAD_RESPONSE: "The server sent an unexpected answer. Try again.",
    CODE_MISSING: "Enter the voucher code.",
    PIN_MISSING: "Enter the PIN.",
    AMOUNT_INVALID: "Enter an amount greater than zero, e.g. 12.50.",
    AMOUNT_TOO_HIGH: "The amount can't be more than the amount due.",
    DATE_INVALID: "Enter a valid date.",
  } satisfies Record<MessageCode, string>,
};

/** The shape every language pack has. */
export type Messages = typeof en;
