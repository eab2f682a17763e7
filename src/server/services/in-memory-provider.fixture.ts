/**
 * Test support: an honest in-memory provider behind the adapter port. It keeps balances, reservations
 * (a new one replaces the voucher's previous one, as JTL does), charges and refunds, and can be told to
 * fail: with a definite problem, by losing its answer after committing, or by being unable to look up.
 */
import { randomBytes } from "node:crypto";
import { type Capabilities, normalizeCode, type VoucherStatus } from "../../shared/index.ts";
import { HttpProblem } from "../errors/http-problem.ts";
import type {
  HeldVoucher,
  IssueInput,
  MinorMoney,
  ProviderAdapter,
  UpstreamHold,
  UpstreamIssued,
  UpstreamRedemption,
  VoucherInfo,
} from "../providers/port.ts";

export interface MemVoucher {
  /** The provider's own id, unrelated to the code (as real providers have). */
  id: string;
  code: string;
  pin?: string;
  balanceMinor: number;
  currency: string;
  status: VoucherStatus;
  validUntil: Date | null;
}

interface Reservation {
  id: string;
  code: string;
  amount: MinorMoney;
  expiresAt: Date;
  state: "open" | "charged" | "released" | "replaced";
}

interface Charge {
  id: string;
  reservationId: string;
  orderRef: string;
  amount: MinorMoney;
  refundedMinor: number;
}

type Op = "check" | "hold" | "extend" | "release" | "redeem" | "refund" | "issue";
/** `lose`: do the work, then lose the answer. `drop`: lose the request before any work. */
type Fault = { kind: "fail"; problem: HttpProblem } | { kind: "lose" } | { kind: "drop" };

export const memCapabilities: Capabilities = {
  check: true,
  pin: "optional",
  hold: true,
  holdKeptBy: "provider",
  holdTtl: { min: 60, max: 3600, default: 300 },
  extend: true,
  release: true,
  redeem: "partial",
  refund: "partial",
  issue: true,
  issueValidity: true,
  codesAdmin: false,
};

const id = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;
const lost = () => new HttpProblem("PROVIDER_UNAVAILABLE", "answer lost", { outcomeUnknown: true });

export class InMemoryProvider implements ProviderAdapter {
  readonly provider = "memory";
  readonly voucherKind = "value" as const;
  readonly capabilities: Capabilities;
  readonly vouchers = new Map<string, MemVoucher>();
  readonly reservations = new Map<string, Reservation>();
  readonly charges = new Map<string, Charge>();
  readonly calls: Record<Op | "findRedemption", number> = {
    check: 0,
    hold: 0,
    extend: 0,
    release: 0,
    redeem: 0,
    refund: 0,
    issue: 0,
    findRedemption: 0,
  };
  private readonly faults = new Map<Op, Fault[]>();
  /** While set, every call waits for it (to hold a request in flight). */
  gate: Promise<void> | null = null;
  /** How many following findRedemption calls fail. */
  lookupFailures = 0;

  constructor(
    private readonly now: () => Date,
    capabilities: Partial<Capabilities> = {},
  ) {
    this.capabilities = { ...memCapabilities, ...capabilities };
  }

  /** Adds a voucher; returns its code. */
  addVoucher(v: Partial<MemVoucher> & { code: string }): string {
    this.vouchers.set(normalizeCode(v.code), {
      id: id("vch"),
      balanceMinor: 10_000,
      currency: "EUR",
      status: "active",
      validUntil: null,
      ...v,
      code: normalizeCode(v.code),
    });
    return v.code;
  }

  balance(code: string): number {
    return this.vouchers.get(normalizeCode(code))?.balanceMinor ?? Number.NaN;
  }

  /** Queues a fault for the next call of `op`. */
  failNext(op: Op, fault: Fault | HttpProblem): void {
    const list = this.faults.get(op) ?? [];
    list.push(fault instanceof HttpProblem ? { kind: "fail", problem: fault } : fault);
    this.faults.set(op, list);
  }

  private async enter(op: Op): Promise<Fault | undefined> {
    this.calls[op]++;
    if (this.gate) await this.gate;
    const fault = this.faults.get(op)?.shift();
    if (fault?.kind === "fail") throw fault.problem;
    if (fault?.kind === "drop") throw lost();
    return fault;
  }

  private voucher(code: string, pin?: string): MemVoucher {
    const v = this.vouchers.get(normalizeCode(code));
    if (!v || (v.pin !== undefined && pin !== undefined && v.pin !== pin)) throw new HttpProblem("VOUCHER_INVALID");
    if (v.pin !== undefined && pin === undefined) throw new HttpProblem("PIN_REQUIRED");
    if (v.status !== "active") throw new HttpProblem("VOUCHER_INACTIVE");
    return v;
  }

  async check(input: { code: string; pin?: string }): Promise<VoucherInfo> {
    await this.enter("check");
    const v = this.voucher(input.code, input.pin);
    return {
      kind: "value",
      status: v.status,
      balance: { minor: v.balanceMinor, currency: v.currency },
      validUntil: v.validUntil,
    };
  }

  private reserve(v: MemVoucher, amount: MinorMoney, ttlSeconds = 1800): UpstreamHold {
    if (amount.currency !== v.currency) throw new HttpProblem("CURRENCY_MISMATCH");
    if (amount.minor > v.balanceMinor) throw new HttpProblem("INSUFFICIENT_BALANCE");
    for (const r of this.reservations.values()) if (r.code === v.code && r.state === "open") r.state = "replaced";
    const r: Reservation = {
      id: id("res"),
      code: v.code,
      amount,
      expiresAt: new Date(this.now().getTime() + ttlSeconds * 1000),
      state: "open",
    };
    this.reservations.set(r.id, r);
    return {
      reservationId: r.id,
      voucherId: v.id,
      expiresAt: r.expiresAt,
      balance: { minor: v.balanceMinor, currency: v.currency },
    };
  }

  async hold(input: { code: string; pin?: string; amount: MinorMoney; ttlSeconds?: number }): Promise<UpstreamHold> {
    const fault = await this.enter("hold");
    const hold = this.reserve(this.voucher(input.code, input.pin), input.amount, input.ttlSeconds);
    if (fault?.kind === "lose") throw lost();
    return hold;
  }

  async extend(held: HeldVoucher, ttlSeconds?: number): Promise<UpstreamHold> {
    await this.enter("extend");
    return this.reserve(this.voucher(held.code, held.pin), held.amount, ttlSeconds);
  }

  async release(held: HeldVoucher): Promise<void> {
    await this.enter("release");
    const r = this.reservations.get(held.reservationId);
    if (r?.state === "open") r.state = "released";
  }

  async redeem(held: HeldVoucher, orderRef: string): Promise<UpstreamRedemption> {
    const fault = await this.enter("redeem");
    const r = this.reservations.get(held.reservationId);
    if (r?.state !== "open" || r.expiresAt <= this.now()) throw new HttpProblem("HOLD_EXPIRED");
    const v = this.voucher(r.code, held.pin);
    if (v.balanceMinor < r.amount.minor) throw new HttpProblem("INSUFFICIENT_BALANCE");
    v.balanceMinor -= r.amount.minor;
    r.state = "charged";
    const charge: Charge = { id: id("chg"), reservationId: r.id, orderRef, amount: r.amount, refundedMinor: 0 };
    this.charges.set(charge.id, charge);
    if (fault?.kind === "lose") throw lost();
    return this.redemptionOf(charge);
  }

  private redemptionOf(c: Charge): UpstreamRedemption {
    const v = this.vouchers.get(this.reservations.get(c.reservationId)?.code ?? "");
    return {
      upstreamId: c.id,
      amount: c.amount,
      ...(v ? { remainingBalance: { minor: v.balanceMinor, currency: v.currency } } : {}),
    };
  }

  async findRedemption(held: HeldVoucher, orderRef: string): Promise<UpstreamRedemption | null> {
    this.calls.findRedemption++;
    if (this.lookupFailures > 0) {
      this.lookupFailures--;
      throw new HttpProblem("PROVIDER_UNAVAILABLE", "lookup failed");
    }
    for (const c of this.charges.values()) {
      if (c.reservationId === held.reservationId && c.orderRef === orderRef) return this.redemptionOf(c);
    }
    return null;
  }

  async refund(
    redemption: { upstreamId: string; amount: MinorMoney },
    amount: MinorMoney,
  ): Promise<{ upstreamId: string }> {
    const fault = await this.enter("refund");
    const c = this.charges.get(redemption.upstreamId);
    if (!c) throw new HttpProblem("REDEMPTION_NOT_FOUND");
    if (c.refundedMinor + amount.minor > c.amount.minor) throw new HttpProblem("REFUND_EXCEEDS_REDEMPTION");
    c.refundedMinor += amount.minor;
    const v = this.vouchers.get(this.reservations.get(c.reservationId)?.code ?? "");
    if (v) v.balanceMinor += amount.minor;
    if (fault?.kind === "lose") throw lost();
    return { upstreamId: id("rfd") };
  }

  async issue(input: IssueInput): Promise<UpstreamIssued> {
    const fault = await this.enter("issue");
    const code = randomBytes(6).toString("hex").toUpperCase();
    const pin = String(1000 + (randomBytes(2).readUInt16BE() % 9000));
    const validUntil = input.validUntil ?? null;
    this.addVoucher({ code, pin, balanceMinor: input.amount.minor, currency: input.amount.currency, validUntil });
    if (fault?.kind === "lose") throw lost();
    return { code, pin, amount: input.amount, validUntil, status: "active" };
  }
}
