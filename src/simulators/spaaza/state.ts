/**
 * In-memory state of one Spaaza simulator: logins, sessions and vouchers. All mutations are synchronous,
 * so each request's work is atomic on Node's single thread.
 */
import { SimClock } from "./clock.ts";
import { type DemoUser, type DemoVoucher, demoUsers, demoVouchers, foreignVoucher } from "./demo-data.ts";
import { newVoucherKey, wholeSeconds } from "./format.ts";

export type VoucherStatus = "generated" | "claimed" | "redeemed";

export interface VoucherLock {
  until: number;
  /** The login that locked it: only that login may redeem it while the lock lasts (our ASSUMPTION). */
  userId: number;
  lockingCode: string | null;
  basketCode: string | null;
}

export interface VoucherRecord {
  id: number;
  key: string;
  chainId: number;
  campaignId: number;
  campaignTitle: string;
  status: VoucherStatus;
  /** Cents. `amount` is the voucher's value now (after a partial redemption: the part redeemed). */
  amountOriginal: number;
  amount: number;
  amountRedeemed: number | null;
  currencyId: number;
  expiresAt: number | null;
  createdAt: number;
  redeemedAt: number | null;
  lock: VoucherLock | null;
  userId: number | null;
  parentId: number | null;
  /** The voucher holding the rest after a partial redemption. */
  regeneratedId: number | null;
}

export interface SessionRecord {
  userId: number;
  expiresAt: number;
}

const DAY_MS = 86_400_000;
export const SESSION_VALIDITY_HOURS = 336;

export class SpaazaState {
  readonly clock = new SimClock();
  readonly users = new Map<string, DemoUser>(demoUsers.map((u) => [u.username, u]));
  /** By session key. */
  readonly sessions = new Map<string, SessionRecord>();
  /** 2FA passcode keys handed out by login (the passcode step itself is not simulated). */
  readonly passcodeKeys = new Set<string>();
  readonly vouchers = new Map<number, VoucherRecord>();
  sessionValidityHours = SESSION_VALIDITY_HOURS;
  private nextId = 50_000;
  stats = { logins: 0, requests: {} as Record<string, number> };

  constructor() {
    this.reset();
  }

  now(): number {
    return this.clock.now();
  }

  /** Back to the demo data, default settings and real time. */
  reset(): void {
    this.clock.reset();
    this.sessions.clear();
    this.passcodeKeys.clear();
    this.vouchers.clear();
    this.sessionValidityHours = SESSION_VALIDITY_HOURS;
    this.nextId = 50_000;
    this.stats = { logins: 0, requests: {} };
    for (const demo of [...demoVouchers, foreignVoucher]) this.addDemo(demo);
  }

  private addDemo(demo: DemoVoucher): void {
    const voucher = this.addVoucher({
      id: demo.id,
      key: demo.key,
      chainId: demo.chainId,
      status: demo.status,
      amount: demo.amount,
      currencyId: demo.currencyId,
      expiresAt: wholeSeconds(this.now() + demo.expiryDays * DAY_MS),
    });
    if (demo.status === "redeemed") {
      voucher.amountRedeemed = demo.amount;
      voucher.redeemedAt = voucher.createdAt;
    }
  }

  /** Stores a voucher; unset fields get defaults. The caller checks that a given id or key is free. */
  addVoucher(input: Partial<VoucherRecord> & Pick<VoucherRecord, "amount" | "currencyId" | "chainId">): VoucherRecord {
    const now = wholeSeconds(this.now());
    const voucher: VoucherRecord = {
      id: input.id ?? this.nextId++,
      key: input.key ?? this.unusedKey(),
      campaignId: 300,
      campaignTitle: "Demo wallet campaign",
      status: "claimed",
      amountOriginal: input.amount,
      amountRedeemed: null,
      expiresAt: null,
      createdAt: now,
      redeemedAt: null,
      lock: null,
      userId: null,
      parentId: null,
      regeneratedId: null,
      ...input,
    };
    this.vouchers.set(voucher.id, voucher);
    return voucher;
  }

  findByKey(key: string): VoucherRecord | undefined {
    for (const voucher of this.vouchers.values()) if (voucher.key === key) return voucher;
    return undefined;
  }

  private unusedKey(): string {
    let key = newVoucherKey();
    while (this.findByKey(key)) key = newVoucherKey();
    return key;
  }

  /** The lock, while it lasts; a lapsed lock is gone. */
  liveLock(voucher: VoucherRecord): VoucherLock | null {
    if (voucher.lock && voucher.lock.until <= this.now()) voucher.lock = null;
    return voucher.lock;
  }

  isExpired(voucher: VoucherRecord): boolean {
    return voucher.expiresAt !== null && this.now() >= voucher.expiresAt;
  }

  /** What can still be redeemed of this voucher itself (a regenerated remainder is another voucher). */
  balance(voucher: VoucherRecord): number {
    return voucher.status === "redeemed" ? 0 : voucher.amount;
  }

  /** A login's live session, or undefined. Expired sessions are dropped. */
  session(key: string): SessionRecord | undefined {
    const session = this.sessions.get(key);
    if (session && session.expiresAt <= this.now()) {
      this.sessions.delete(key);
      return undefined;
    }
    return session;
  }

  /** Documented: a login deletes the user's existing sessions. */
  dropSessionsOf(userId: number): void {
    for (const [key, session] of this.sessions) if (session.userId === userId) this.sessions.delete(key);
  }

  userById(userId: number): DemoUser | undefined {
    for (const user of this.users.values()) if (user.userId === userId) return user;
    return undefined;
  }
}
