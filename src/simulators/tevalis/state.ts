/**
 * In-memory state of one Tevalis simulator: companies, sites and web vouchers, plus settings the tests
 * change through `/__sim/config`. Mutations are synchronous, so each request's work is atomic.
 */
import { randomInt, randomUUID } from "node:crypto";
import { SimClock } from "./clock.ts";
import { type DemoCompany, demoCompanies, demoDeveloperIds, demoWebVouchers } from "./demo-data.ts";

const DAY_MS = 86_400_000;

export interface WebVoucherRecord {
  webVoucherId: number;
  companyId: number;
  siteId: number;
  serial: string;
  /** ms */
  dateSold: number;
  /** ms; equal to dateSold when the voucher does not expire (as Tevalis documents). */
  expiryDate: number;
  expires: boolean;
  /** Pence. */
  value: number;
  notes: string | null;
  state: "active" | "redeemed" | "void";
  /** 100 ns ticks below the millisecond, so dates carry seven real digits. */
  ticks: number;
}

/** How dates leave the simulator: with an offset, without (site-local), or sale date without and expiry with. */
export type DateStyle = "offset" | "local" | "mixed";

export interface TevalisSettings {
  dateStyle: DateStyle;
  /** The site's IANA time zone: dates without an offset are wall-clock times there. */
  siteTimeZone: string;
  /** The "system settings" expiry used when a voucher expires but no date is given. */
  defaultExpiryDays: number;
}

export const defaultSettings: TevalisSettings = {
  dateStyle: "mixed",
  siteTimeZone: "Europe/London",
  defaultExpiryDays: 365,
};

export class TevalisState {
  readonly clock = new SimClock();
  readonly companies = new Map<number, DemoCompany>(demoCompanies.map((c) => [c.companyId, c]));
  readonly developerIds = new Set(demoDeveloperIds);
  readonly vouchers = new Map<number, WebVoucherRecord>();
  settings: TevalisSettings = { ...defaultSettings };
  stats = { requests: {} as Record<string, number> };
  private nextId = 1;

  constructor() {
    this.reset();
  }

  now(): number {
    return this.clock.now();
  }

  /** Back to the demo data, default settings and real time. */
  reset(): void {
    this.clock.reset();
    this.vouchers.clear();
    this.settings = { ...defaultSettings };
    this.stats = { requests: {} };
    this.nextId = 1;
    const now = this.now();
    for (const demo of demoWebVouchers) {
      this.addVoucher({
        companyId: demo.companyId,
        siteId: demo.siteId,
        serial: demo.serial,
        value: demo.value,
        state: demo.state,
        dateSold: now - 30 * DAY_MS,
        expiryDate: demo.expiresInDays === null ? null : now + demo.expiresInDays * DAY_MS,
        notes: demo.notes ?? null,
      });
    }
  }

  /** Stores a voucher; a blank serial becomes a GUID, a null expiry a non-expiring voucher. */
  addVoucher(input: {
    companyId: number;
    siteId: number;
    serial?: string | null;
    value: number;
    state?: WebVoucherRecord["state"];
    dateSold?: number;
    expiryDate: number | null;
    notes: string | null;
  }): WebVoucherRecord {
    const dateSold = input.dateSold ?? this.now();
    const serial = input.serial?.trim() ? input.serial : randomUUID();
    const voucher: WebVoucherRecord = {
      webVoucherId: this.nextId++,
      companyId: input.companyId,
      siteId: input.siteId,
      serial,
      dateSold,
      expiryDate: input.expiryDate ?? dateSold,
      expires: input.expiryDate !== null,
      value: input.value,
      notes: input.notes,
      state: input.state ?? "active",
      ticks: randomInt(10_000),
    };
    this.vouchers.set(voucher.webVoucherId, voucher);
    return voucher;
  }

  /** Serials compare case-insensitively (ASSUMPTION: SQL Server's default collation); otherwise exactly. */
  findBySerial(companyId: number, serial: string): WebVoucherRecord | undefined {
    const wanted = serial.toLowerCase();
    for (const v of this.vouchers.values()) {
      if (v.companyId === companyId && v.serial.toLowerCase() === wanted) return v;
    }
    return undefined;
  }

  /** Active = not spent or voided, and not past its expiry when it expires at all. */
  isActive(v: WebVoucherRecord): boolean {
    return v.state === "active" && (!v.expires || this.now() <= v.expiryDate);
  }
}
