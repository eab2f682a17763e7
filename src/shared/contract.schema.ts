/**
 * The v1 HTTP contract (DESIGN §4), in zod/mini so the browser pays little for it. The BFF validates
 * requests and builds its OpenAPI document from these schemas; the browser client parses responses with them.
 */
import { z } from "zod/mini";
import { errorCodes } from "./error-codes.ts";
import { toMinor } from "./money.ts";

// ── Primitives ────────────────────────────────────────────────────────────────────────────────────
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const isoDateTime = z.iso.datetime({ offset: true });

export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, "ISO-4217 code, e.g. EUR"));

/** Money: a decimal string with exactly the currency's minor digits. */
export const Money = z.object({ amount: z.string(), currency: Currency }).check(
  z.refine((m) => toMinor(m.amount, m.currency) !== null, {
    message: "amount must be a decimal string with the currency's minor digits, e.g. 10.53",
    path: ["amount"],
  }),
);

/** A positive Money (zero is never a sensible hold, redemption, refund or issue). */
export const PositiveMoney = Money.check(
  z.refine((m) => (toMinor(m.amount, m.currency) ?? 0) > 0, {
    message: "amount must be more than zero",
    path: ["amount"],
  }),
);

/** A voucher code as typed: 1–255 characters; the BFF normalizes case, spaces and dashes. */
export const VoucherCode = text(255);
export const Pin = text(255);
export const IdempotencyKey = z.string().check(z.regex(/^[\x21-\x7e]{1,255}$/, "1–255 visible ASCII characters"));

export const Ability = z.enum(["redeem", "issue", "refund", "codes"]);
export const abilities = Ability.options;

// ── Sessions ──────────────────────────────────────────────────────────────────────────────────────
export const SessionRequest = z.strictObject({
  account: text(64),
  terminalId: z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,64}$/, "1–64 letters, digits or . _ : -")),
  scopes: z.optional(z.array(Ability).check(z.minLength(1), z.maxLength(4))),
  ttlSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(43_200))),
});
export const DemoSessionRequest = z.strictObject({
  account: text(64),
  terminalId: z.optional(SessionRequest.shape.terminalId),
});
export const SessionResponse = z.object({ token: z.string(), expiresAt: isoDateTime });

// ── Capabilities ──────────────────────────────────────────────────────────────────────────────────
export const VoucherKind = z.enum(["value", "access"]);
export const Capabilities = z.object({
  /** Balance/validity check by code before any hold. */
  check: z.boolean(),
  pin: z.enum(["none", "optional", "required"]),
  hold: z.boolean(),
  /** Who keeps the hold: the provider itself, or this service (emulated, other channels are not blocked). */
  holdKeptBy: z.nullable(z.enum(["provider", "service"])),
  /** Allowed hold lifetimes in seconds, or null when the provider fixes it. */
  holdTtl: z.nullable(z.object({ min: z.int(), max: z.int(), default: z.int() })),
  extend: z.boolean(),
  release: z.boolean(),
  redeem: z.enum(["none", "full", "partial"]),
  refund: z.enum(["none", "full", "partial"]),
  issue: z.boolean(),
  issueValidity: z.boolean(),
  codesAdmin: z.boolean(),
});
export const CapabilitiesResponse = z.object({
  account: z.string(),
  provider: z.string(),
  currency: Currency,
  voucherKind: VoucherKind,
  terminalId: z.string(),
  abilities: z.array(Ability),
  capabilities: Capabilities,
  serverTime: isoDateTime,
});

// ── Vouchers ──────────────────────────────────────────────────────────────────────────────────────
export const VoucherStatus = z.enum(["active", "inactive", "expired", "redeemed", "held", "not_yet_valid"]);
export const CheckRequest = z.strictObject({ code: VoucherCode, pin: z.optional(Pin) });
export const VoucherSummary = z.object({
  maskedCode: z.string(),
  kind: VoucherKind,
  balance: z.optional(Money),
  status: VoucherStatus,
  validUntil: z.optional(z.nullable(isoDateTime)),
});
export const CheckResponse = z.object({ voucher: VoucherSummary });

export const IssueRequest = z.strictObject({
  amount: PositiveMoney,
  validUntil: z.optional(isoDateTime),
  note: z.optional(z.string().check(z.maxLength(255))),
});
export const IssuedVoucher = z.object({
  code: z.string(),
  pin: z.optional(z.string()),
  amount: Money,
  validUntil: z.nullable(isoDateTime),
  status: VoucherStatus,
});
export const IssueResponse = z.object({ voucher: IssuedVoucher });

// ── Holds ─────────────────────────────────────────────────────────────────────────────────────────
export const HoldState = z.enum(["pending", "active", "redeeming", "redeemed", "released", "expired"]);
export const HoldRequest = z.strictObject({
  code: VoucherCode,
  pin: z.optional(Pin),
  amount: PositiveMoney,
  ttlSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(86_400))),
});
export const ExtendRequest = z.strictObject({
  ttlSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(86_400))),
});
export const Hold = z.object({
  id: z.string(),
  state: HoldState,
  amount: Money,
  expiresAt: isoDateTime,
  serverTime: isoDateTime,
  keptBy: z.enum(["provider", "service"]),
  voucher: z.object({ maskedCode: z.string(), balance: z.optional(Money) }),
  redemptionId: z.optional(z.string()),
});
export const HoldResponse = z.object({ hold: Hold });

// ── Redemptions and refunds ───────────────────────────────────────────────────────────────────────
export const RedeemRequest = z.strictObject({ orderRef: z.string().check(z.regex(/^[\x20-\x7e]{1,100}$/)) });
export const Redemption = z.object({
  id: z.string(),
  holdId: z.string(),
  amount: Money,
  remainingBalance: z.optional(Money),
  orderRef: z.string(),
  createdAt: isoDateTime,
});
export const RedemptionResponse = z.object({ redemption: Redemption });

export const RefundRequest = z.strictObject({ amount: PositiveMoney });
export const Refund = z.object({ id: z.string(), redemptionId: z.string(), amount: Money, createdAt: isoDateTime });
export const RefundResponse = z.object({ refund: Refund });

// ── Problems ──────────────────────────────────────────────────────────────────────────────────────
export const ErrorCodeSchema = z.enum(errorCodes);
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: ErrorCodeSchema,
  detail: z.optional(z.string()),
  retryable: z.boolean(),
  retryAfterSeconds: z.optional(z.int()),
  /** Field-level issues for INVALID_REQUEST. */
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

export type Money = z.infer<typeof Money>;
export type Ability = z.infer<typeof Ability>;
export type SessionRequest = z.infer<typeof SessionRequest>;
export type SessionResponse = z.infer<typeof SessionResponse>;
export type Capabilities = z.infer<typeof Capabilities>;
export type CapabilitiesResponse = z.infer<typeof CapabilitiesResponse>;
export type VoucherKind = z.infer<typeof VoucherKind>;
export type VoucherStatus = z.infer<typeof VoucherStatus>;
export type CheckRequest = z.infer<typeof CheckRequest>;
export type VoucherSummary = z.infer<typeof VoucherSummary>;
export type CheckResponse = z.infer<typeof CheckResponse>;
export type IssueRequest = z.infer<typeof IssueRequest>;
export type IssuedVoucher = z.infer<typeof IssuedVoucher>;
export type IssueResponse = z.infer<typeof IssueResponse>;
export type HoldState = z.infer<typeof HoldState>;
export type HoldRequest = z.infer<typeof HoldRequest>;
export type ExtendRequest = z.infer<typeof ExtendRequest>;
export type Hold = z.infer<typeof Hold>;
export type HoldResponse = z.infer<typeof HoldResponse>;
export type RedeemRequest = z.infer<typeof RedeemRequest>;
export type Redemption = z.infer<typeof Redemption>;
export type RedemptionResponse = z.infer<typeof RedemptionResponse>;
export type RefundRequest = z.infer<typeof RefundRequest>;
export type Refund = z.infer<typeof Refund>;
export type RefundResponse = z.infer<typeof RefundResponse>;
export type Problem = z.infer<typeof Problem>;
