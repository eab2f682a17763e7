/**
 * The one port every provider adapter implements. Amounts are integer minor units. An adapter throws
 * HttpProblem with a code from the closed set; a step the provider lacks throws NOT_SUPPORTED (see
 * `unsupported`). Adapters never touch the store: the services record intent, call, then record outcome.
 */
import type { Capabilities, VoucherKind, VoucherStatus } from "../../shared/index.ts";
import { HttpProblem } from "../errors/http-problem.ts";

export interface MinorMoney {
  minor: number;
  currency: string;
}

/** What a check by code tells. */
export interface VoucherInfo {
  kind: VoucherKind;
  status: VoucherStatus;
  balance?: MinorMoney;
  validUntil?: Date | null;
}

/** A hold as the provider (or, for emulated holds, the adapter) made it. */
export interface UpstreamHold {
  /** Provider's id for the reservation/lock ("" where the hold is emulated). */
  reservationId: string;
  /** Provider's id for the voucher, where it has one (JTL `voucher_id`, Spaaza `voucher_id`). */
  voucherId?: string;
  expiresAt: Date;
  /** Voucher balance as the provider reports it after the hold, where it tells. */
  balance?: MinorMoney;
}

/** A live hold handed back to the adapter, with the secrets it needs for re-reservation. */
export interface HeldVoucher {
  holdId: string;
  code: string;
  pin?: string;
  reservationId: string;
  voucherId?: string;
  amount: MinorMoney;
  expiresAt: Date;
}

export interface UpstreamRedemption {
  upstreamId: string;
  amount: MinorMoney;
  remainingBalance?: MinorMoney;
}

export interface UpstreamRefund {
  upstreamId: string;
}

export interface IssueInput {
  amount: MinorMoney;
  validUntil?: Date;
  note?: string;
  /** Our own id for the operation, for providers that take a reference. */
  ref: string;
}

export interface UpstreamIssued {
  code: string;
  pin?: string;
  amount: MinorMoney;
  validUntil: Date | null;
  status: VoucherStatus;
}

/** An access code's state, judged on the provider's data at the time of the answer. */
export type AccessCodeState = "active" | "expired" | "not_yet_valid" | "deleted";

/** An access code (a code that opens private rates, not money), as the codes admin lists it. */
export interface AccessCode {
  id: string;
  /** The voucher (rate access) the code belongs to. */
  voucherId: string;
  value: string;
  validFrom: Date | null;
  validUntil: Date | null;
  state: AccessCodeState;
  createdAt: Date;
}

/** A code to add; `value` arrives normalized (upper case, no spaces or dashes), as checks look codes up. */
export interface NewAccessCode {
  voucherId: string;
  value: string;
  validFrom?: Date;
  validUntil?: Date;
}

/** One page of codes, newest first; `nextCursor` is null on the last page. */
export interface AccessCodePage {
  items: AccessCode[];
  nextCursor: string | null;
}

/**
 * Access-code administration, for providers whose vouchers are codes kept upstream (Mews). Optional on the
 * port: an adapter without it makes the codes routes answer NOT_SUPPORTED.
 */
export interface AccessCodeAdmin {
  /** The vouchers this account may add codes to. */
  listVouchers(): Promise<{ id: string; name: string }[]>;
  listCodes(input: { cursor?: string; limit: number }): Promise<AccessCodePage>;
  /** Adds all or none (at most 1000); answers the codes as stored. */
  addCodes(items: NewAccessCode[]): Promise<AccessCode[]>;
  /** Deletes all or none (at most 1000); ids the account does not manage are refused. */
  deleteCodes(ids: string[]): Promise<void>;
}

export interface ProviderAdapter {
  readonly provider: string;
  readonly voucherKind: VoucherKind;
  readonly capabilities: Capabilities;
  check(input: { code: string; pin?: string }): Promise<VoucherInfo>;
  hold(input: { code: string; pin?: string; amount: MinorMoney; ttlSeconds?: number }): Promise<UpstreamHold>;
  extend(held: HeldVoucher, ttlSeconds?: number): Promise<UpstreamHold>;
  release(held: HeldVoucher): Promise<void>;
  redeem(held: HeldVoucher, orderRef: string): Promise<UpstreamRedemption>;
  /** After an unknown outcome: what the provider did for this hold and order, or null if nothing. */
  findRedemption(held: HeldVoucher, orderRef: string): Promise<UpstreamRedemption | null>;
  refund(redemption: { upstreamId: string; amount: MinorMoney }, amount: MinorMoney): Promise<UpstreamRefund>;
  issue(input: IssueInput): Promise<UpstreamIssued>;
  /** Access-code administration, where the provider keeps codes to list, add and delete. */
  accessCodes?: AccessCodeAdmin;
  /** Closes sockets and timers. */
  close?(): Promise<void>;
}

/** The answer for every step a provider does not offer. */
export function unsupported(step: string): never {
  throw new HttpProblem("NOT_SUPPORTED", `This voucher provider does not support ${step}.`);
}
