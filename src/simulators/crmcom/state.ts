/**
 * In-memory state of one CRM.COM simulator: users and tokens, voucher types, accounts receivable (with
 * wallets), vouchers and the payments using them made. Mutations are synchronous, so each request's work is
 * atomic on Node's single thread.
 */
import { randomBytes, randomInt } from "node:crypto";
import { SimClock } from "./clock.ts";
import {
  type DemoAccountsReceivable,
  type DemoVoucherType,
  demoAccountsReceivable,
  demoEVouchers,
  demoUsers,
  demoVoucherTypes,
} from "./demo-data.ts";

const DAY_MS = 86_400_000;

export type LifeCycleState = "ACTIVATED" | "USED" | "CANCELLED" | "PURGED";

export interface VoucherRecord {
  id: string;
  number: string;
  secretNumber: string;
  description: string | null;
  /** Cents. */
  value: number;
  currency: string;
  typeId: string;
  effectiveDate: number;
  expirationDate: number | null;
  state: LifeCycleState;
  cancellationReason: string | null;
  purchasedBy: string | null;
  payment: { id: string; number: string } | null;
  createdAt: number;
  updatedAt: number;
}

export interface TokenRecord {
  username: string;
  organisation: string;
  /** Absolute end of life (R12+: two hours from login, not extended by use). */
  expiresAt: number;
}

/** 32 upper-case hex digits, like the documented ids (`87DB0829834D1AC4B38B64616BF8855D`). */
export const newId = (): string => randomBytes(16).toString("hex").toUpperCase();
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

export class CrmState {
  readonly clock = new SimClock();
  readonly users = demoUsers;
  readonly types = new Map<string, DemoVoucherType>(demoVoucherTypes.map((t) => [t.id, t]));
  readonly accounts = new Map<string, DemoAccountsReceivable>();
  readonly walletBalances = new Map<string, number>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly vouchers = new Map<string, VoucherRecord>();
  readonly backOfficeCodes = new Set<string>();
  tokenTtlSeconds = 7200;
  stats = { logins: 0, requests: {} as Record<string, number> };
  private paymentSeq = 0;

  constructor() {
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
    this.backOfficeCodes.clear();
    this.accounts.clear();
    this.walletBalances.clear();
    this.tokenTtlSeconds = 7200;
    this.stats = { logins: 0, requests: {} };
    this.paymentSeq = 0;
    for (const ar of demoAccountsReceivable) {
      this.accounts.set(ar.id, ar);
      if (ar.wallet) this.walletBalances.set(ar.wallet.id, ar.wallet.balance);
    }
    const now = this.now();
    for (const demo of demoEVouchers) {
      const type = [...this.types.values()].find((t) => t.alternative_code === demo.typeCode)!;
      const voucher = this.addVoucher({
        number: demo.number,
        secretNumber: demo.secretNumber,
        value: demo.value,
        type,
        effectiveDate: now - 30 * DAY_MS,
        expirationDate: now + demo.expiresInDays * DAY_MS,
      });
      if (demo.state === "USED") this.use(voucher);
      if (demo.state === "CANCELLED")
        Object.assign(voucher, { state: "CANCELLED", cancellationReason: "VOUCHER_LOSS" });
    }
  }

  addVoucher(input: {
    number?: string;
    secretNumber?: string;
    value: number;
    type: DemoVoucherType;
    effectiveDate?: number;
    expirationDate?: number | null;
    description?: string | null;
    purchasedBy?: string | null;
  }): VoucherRecord {
    const now = this.now();
    let number = input.number ?? `4${digits(15)}`;
    while (!input.number && this.findByNumber(number)) number = `4${digits(15)}`;
    const voucher: VoucherRecord = {
      id: newId(),
      number,
      secretNumber: input.secretNumber ?? digits(7),
      description: input.description ?? null,
      value: input.value,
      currency: input.type.currency,
      typeId: input.type.id,
      effectiveDate: input.effectiveDate ?? now,
      expirationDate:
        input.expirationDate === undefined ? now + input.type.validityDays * DAY_MS : input.expirationDate,
      state: "ACTIVATED",
      cancellationReason: null,
      purchasedBy: input.purchasedBy ?? null,
      payment: null,
      createdAt: now,
      updatedAt: now,
    };
    this.vouchers.set(voucher.id, voucher);
    return voucher;
  }

  /** Marks a voucher USED and records the payment using it creates (R13.1+ for payment/electronic vouchers). */
  use(voucher: VoucherRecord): void {
    this.paymentSeq++;
    voucher.state = "USED";
    voucher.payment = { id: newId(), number: `PAY${String(this.paymentSeq).padStart(10, "0")}` };
    voucher.updatedAt = this.now();
  }

  findByNumber(number: string): VoucherRecord | undefined {
    for (const v of this.vouchers.values()) if (v.number === number) return v;
    return undefined;
  }

  /** A voucher by `{id}` or `{number}` (the documented voucher identifier fields). */
  findVoucher(field: string, value: string): VoucherRecord | undefined {
    return field === "id" ? this.vouchers.get(value) : this.findByNumber(value);
  }
}
