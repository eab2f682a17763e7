/**
 * In-memory state of one simulator instance: clients, tokens, vouchers, reservations and charges. All
 * mutations are synchronous, so each request's work is atomic on Node's single thread.
 */
import { SimClock } from "./clock.ts";
import { type DemoClient, demoClients, demoVouchers, type JtlScope } from "./demo-data.ts";
import { newCode, newId, newVoucherId, toCents, wholeSeconds } from "./format.ts";

export type ValidityInterval = "days" | "weeks" | "months" | "years";

export interface VoucherRecord {
  id: string;
  client_id: string;
  code: string;
  pin: string | null;
  sku: string | null;
  batch: string | null;
  /** Initial value in cents. */
  amount: number;
  currency: string;
  /** ms, or null (inactive and never activated, or no end). */
  valid_until: number | null;
  validity_value: number | null;
  validity_interval: ValidityInterval | null;
  status: "active" | "inactive";
  taxable: boolean;
  tax_rate: string | null;
  order_number: string | null;
  data: string | null;
  created_at: number;
  updated_at: number;
}

export interface ReservationRecord {
  id: string;
  voucher_id: string;
  client_id: string;
  amount: number;
  valid_until: number;
  /** `replaced` once a newer reservation for the same voucher was made. */
  state: "open" | "replaced" | "charged";
  created_at: number;
  updated_at: number;
}

export interface ChargeRecord {
  id: string;
  voucher_id: string;
  client_id: string;
  type: "charge" | "refund" | "recharge";
  amount: number;
  order_number: string | null;
  /** For refunds: the charge they give back. */
  charge_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface TokenRecord {
  clientId: string;
  scopes: readonly JtlScope[];
  expiresAt: number;
}

const DAY_MS = 86_400_000;

export class JtlState {
  readonly clock = new SimClock();
  readonly clients = new Map<string, DemoClient>(demoClients.map((c) => [c.clientId, c]));
  readonly tokens = new Map<string, TokenRecord>();
  readonly vouchers = new Map<string, VoucherRecord>();
  readonly reservations = new Map<string, ReservationRecord>();
  /** In creation order (Map keeps insertion order), which is also the listing order. */
  readonly charges = new Map<string, ChargeRecord>();
  tokenTtlSeconds: number;
  /** Counters tests read through `/__sim/stats`. */
  stats = { tokenRequests: 0, requests: {} as Record<string, number> };

  constructor(private readonly initialTokenTtlSeconds = 3600) {
    this.tokenTtlSeconds = initialTokenTtlSeconds;
    this.reset();
  }

  now(): number {
    return this.clock.now();
  }

  /** Back to the demo data, default settings and real time. */
  reset(): void {
    this.clock.reset();
    this.tokens.clear();
    this.vouchers.clear();
    this.reservations.clear();
    this.charges.clear();
    this.tokenTtlSeconds = this.initialTokenTtlSeconds;
    this.stats = { tokenRequests: 0, requests: {} };
    const now = this.now();
    for (const demo of demoVouchers) {
      const voucher = this.addVoucher({
        id: demo.id,
        code: demo.code,
        pin: demo.pin ?? null,
        amount: toCents(demo.amount),
        currency: demo.currency,
        status: demo.status,
        valid_until: demo.validDays === null ? null : wholeSeconds(now + demo.validDays * DAY_MS),
      });
      if (demo.spent) this.addCharge(voucher, "charge", toCents(demo.spent), "DEMO-HISTORY-1", null, "demo-pos");
    }
  }

  /** Stores a voucher; unset fields get JTL's defaults. The caller checks uniqueness of id and code. */
  addVoucher(input: Partial<VoucherRecord> & Pick<VoucherRecord, "amount" | "currency">): VoucherRecord {
    const now = wholeSeconds(this.now());
    const voucher: VoucherRecord = {
      id: newVoucherId(),
      client_id: "demo-pos",
      code: this.unusedCode(),
      pin: null,
      sku: null,
      batch: null,
      valid_until: null,
      validity_value: null,
      validity_interval: null,
      status: "inactive",
      taxable: false,
      tax_rate: null,
      order_number: null,
      data: null,
      created_at: now,
      updated_at: now,
      ...input,
    };
    this.vouchers.set(voucher.id, voucher);
    return voucher;
  }

  addCharge(
    voucher: VoucherRecord,
    type: ChargeRecord["type"],
    amount: number,
    orderNumber: string | null,
    chargeId: string | null,
    clientId: string,
  ): ChargeRecord {
    const now = wholeSeconds(this.now());
    const charge: ChargeRecord = {
      id: newId(),
      voucher_id: voucher.id,
      client_id: clientId,
      type,
      amount,
      order_number: orderNumber,
      charge_id: chargeId,
      created_at: now,
      updated_at: now,
    };
    this.charges.set(charge.id, charge);
    return charge;
  }

  /** JTL matches codes exactly; normalizing what a person typed is the caller's job. */
  findByCode(code: string): VoucherRecord | undefined {
    for (const voucher of this.vouchers.values()) if (voucher.code === code) return voucher;
    return undefined;
  }

  codeTaken(code: string): boolean {
    return this.findByCode(code) !== undefined;
  }

  private unusedCode(): string {
    let code = newCode();
    while (this.codeTaken(code)) code = newCode();
    return code;
  }

  chargesOf(voucherId: string): ChargeRecord[] {
    return [...this.charges.values()].filter((c) => c.voucher_id === voucherId);
  }

  /** remaining_amount = amount − charges + refunds + recharges (open reservations do not count). */
  remaining(voucher: VoucherRecord): number {
    let cents = voucher.amount;
    for (const c of this.chargesOf(voucher.id)) cents += c.type === "charge" ? -c.amount : c.amount;
    return cents;
  }

  /** What is left to refund of one charge. */
  refundable(charge: ChargeRecord): number {
    let cents = charge.amount;
    for (const c of this.charges.values()) if (c.type === "refund" && c.charge_id === charge.id) cents -= c.amount;
    return cents;
  }

  isExpired(voucher: VoucherRecord): boolean {
    return voucher.valid_until !== null && this.now() > voucher.valid_until;
  }
}

/** `valid_until` computed at activation from `validity_value` + `validity_interval` (calendar-aware). */
export function validUntilFrom(startMs: number, value: number, interval: ValidityInterval): number {
  const date = new Date(wholeSeconds(startMs));
  if (interval === "days") date.setUTCDate(date.getUTCDate() + value);
  else if (interval === "weeks") date.setUTCDate(date.getUTCDate() + 7 * value);
  else if (interval === "months") date.setUTCMonth(date.getUTCMonth() + value);
  else date.setUTCFullYear(date.getUTCFullYear() + value);
  return date.getTime();
}
