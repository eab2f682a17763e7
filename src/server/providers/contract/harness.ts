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
}
