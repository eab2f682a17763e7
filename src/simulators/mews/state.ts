/**
 * In-memory state of one Mews simulator instance: tokens, enterprises, services, vouchers and voucher
 * codes. All mutations are synchronous, so each request's work is atomic on Node's single thread.
 */
import { SimClock } from "./clock.ts";
import {
  DEMO_CLIENT_TOKEN,
  type DemoAccessToken,
  demoAccessTokens,
  demoCodes,
  demoEnterprises,
  demoServices,
  demoVouchers,
} from "./demo-data.ts";
import { newCodeValue, newGuid, wholeSeconds } from "./format.ts";
import { RequestLimits } from "./limits.ts";

export type ActivityState = "Active" | "Deleted";

export interface VoucherRecord {
  id: string;
  enterpriseId: string;
  serviceId: string;
  name: string;
  type: "Public" | "PartnerCompany" | "TravelAgency";
  rateIds: readonly string[];
  isActive: boolean;
  created: number;
  updated: number;
}

export interface CodeRecord {
  id: string;
  voucherId: string;
  enterpriseId: string;
  value: string;
  /** ms, or null for an open bound. */
  start: number | null;
  end: number | null;
  state: ActivityState;
  created: number;
  updated: number;
  /** Creation order, the tie-breaker for codes created in the same second. */
  seq: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export class MewsState {
  readonly clock = new SimClock();
  readonly limits = new RequestLimits(() => this.now());
  readonly clientTokens = new Set<string>();
  /** By token value; rotation replaces the key. */
  readonly accessTokens = new Map<string, DemoAccessToken>();
  readonly serviceEnterprise = new Map<string, string>();
  readonly vouchers = new Map<string, VoucherRecord>();
  readonly codes = new Map<string, CodeRecord>();
  /** Counters tests read through `/__sim/stats`. */
  stats = { requests: {} as Record<string, number>, rejected: {} as Record<string, number> };
  private seq = 0;

  constructor() {
    this.reset();
  }

  now(): number {
    return this.clock.now();
  }

  /** Back to the demo data, default limits and real time. */
  reset(): void {
    this.clock.reset();
    this.limits.reset();
    this.clientTokens.clear();
    this.clientTokens.add(DEMO_CLIENT_TOKEN);
    this.accessTokens.clear();
    for (const t of demoAccessTokens) this.accessTokens.set(t.token, t);
    this.serviceEnterprise.clear();
    for (const s of demoServices) this.serviceEnterprise.set(s.id, s.enterpriseId);
    this.vouchers.clear();
    this.codes.clear();
    this.stats = { requests: {}, rejected: {} };
    this.seq = 0;
    const now = wholeSeconds(this.now());
    const created = now - 30 * DAY_MS;
    for (const v of demoVouchers) {
      const enterpriseId = this.serviceEnterprise.get(v.serviceId) ?? demoEnterprises[0].id;
      this.vouchers.set(v.id, { ...v, enterpriseId, isActive: true, created, updated: created });
    }
    demoCodes.forEach((c, i) => {
      this.addCode({
        id: c.id,
        voucherId: c.voucherId,
        value: c.value,
        start: c.startDays === null ? null : now + c.startDays * DAY_MS,
        end: c.endDays === null ? null : now + c.endDays * DAY_MS,
        state: c.deleted ? "Deleted" : "Active",
        created: now - (demoCodes.length - i) * HOUR_MS,
      });
    });
  }

  /** Stores a code; the caller has checked the voucher exists and the value is free. */
  addCode(input: Partial<CodeRecord> & Pick<CodeRecord, "voucherId">): CodeRecord {
    const now = wholeSeconds(this.now());
    const voucher = this.vouchers.get(input.voucherId);
    const code: CodeRecord = {
      id: newGuid(),
      enterpriseId: voucher?.enterpriseId ?? "",
      value: this.unusedValue(),
      start: null,
      end: null,
      state: "Active",
      created: now,
      updated: input.created ?? now,
      seq: ++this.seq,
      ...input,
    };
    this.codes.set(code.id, code);
    return code;
  }

  /** Active codes hold their value exclusively within an enterprise (a deleted code frees it). */
  activeCodeWithValue(enterpriseId: string, value: string): CodeRecord | undefined {
    for (const c of this.codes.values()) {
      if (c.enterpriseId === enterpriseId && c.state === "Active" && c.value === value) return c;
    }
    return undefined;
  }

  /** Codes newest first: by creation time, then creation order. */
  codesNewestFirst(): CodeRecord[] {
    return [...this.codes.values()].sort((a, b) => b.created - a.created || b.seq - a.seq);
  }

  private unusedValue(): string {
    let value = newCodeValue();
    while ([...this.codes.values()].some((c) => c.value === value)) value = newCodeValue();
    return value;
  }
}
