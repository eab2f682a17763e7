/**
 * What each provider gives the shared adapter contract suite: its adapter wired to its running
 * simulator, and a few simulator-side levers. Implemented once per provider in
 * `src/server/providers/<id>/contract.test.ts`, which calls `runAdapterContract(name, makeHarness)`.
 */
import type { ProviderAdapter } from "../port.ts";

export interface SeededVoucher {
  /** What a person types: the voucher code (or serial, key, number, access code). */
  code: string;
  /** The PIN (or secret number) where the voucher has one. */
  pin?: string;
}

export interface ContractHarness {
  /** The adapter under test, talking over real HTTP to the simulator. */
  adapter: ProviderAdapter;
  /** The account's currency. */
  currency: string;
  /** Creates a fresh active voucher worth `amountMinor` (ignored for access codes) in the simulator. */
  seed(amountMinor: number): Promise<SeededVoucher>;
  /**
   * The voucher's balance in minor units as the provider itself reports it (read through the simulator's
   * test routes), or null for vouchers without a balance (access codes).
   */
  providerBalance(voucher: SeededVoucher): Promise<number | null>;
  /** Moves the simulator's clock forward (hold expiry without waiting). */
  advanceClock(seconds: number): Promise<void>;
  /** Makes the simulator forget every token or session it issued, so the adapter must log in again. */
  revokeAuth(): Promise<void>;
  close(): Promise<void>;
  /**
   * Fault suite only (`fault-suite.ts`): replaces every fault staged in the simulator with these (`[]`
   * clears them). Providers that redeem implement it; the contract suite never calls it.
   */
  setFaults?(faults: ProviderFault[]): Promise<void>;
  /** Fault suite only: how many requests for `target` have reached the simulator so far. */
  upstreamCalls?(target: FaultTarget): Promise<number>;
}

/**
 * Which upstream call a fault strikes, in the port's terms; each harness maps it to its own API:
 * `hold` the call(s) that make a hold (JTL `POST /v1/reservations`), `redeem` the money-moving call
 * (JTL's charge), `lookup` what `findRedemption` reads (JTL's charge listing).
 */
export type FaultTarget = "hold" | "redeem" | "lookup";

/** A fault every simulator can stage (see `src/simulators/jtl/faults.ts` for JTL's). */
export type ProviderFault = { on: FaultTarget } & FaultKind;

/**
 * What a fault does. `latency`: the provider takes `ms` before it answers, and finishes the work even if
 * the client gave up. `error` / `rateLimit`: the next `count` calls answer that status (429 with
 * Retry-After) without doing anything. `reset`: the connection is cut before the provider does anything.
 * `commitThenDrop`: the provider does the work, then cuts the connection without an answer.
 * `commitThenStall`: the provider does the work, then holds the answer back `ms` (absent: until the
 * client goes away).
 */
export type FaultKind =
  | { kind: "latency"; ms: number }
  | { kind: "error"; status: number; count: number }
  | { kind: "rateLimit"; retryAfterSeconds: number; count: number }
  | { kind: "reset"; count: number }
  | { kind: "commitThenDrop"; count: number }
  | { kind: "commitThenStall"; count: number; ms?: number };
