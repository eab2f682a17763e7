/**
 * Test support for the JTL adapter tests: account config for a running simulator, and small helpers.
 */
import { JtlAccount } from "../../config/account.schema.ts";
import { type HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import type { HeldVoucher, MinorMoney, UpstreamHold } from "../port.ts";

export interface AccountOverrides {
  clientId?: string;
  clientSecret?: string;
  timeoutMs?: number;
  baseUrl?: string;
}

/** A JTL account pointing at the simulator at `url`, with the demo client's credentials. */
export function simAccount(url: string, overrides: AccountOverrides = {}): JtlAccount {
  return JtlAccount.parse({
    id: "jtl",
    provider: "jtl",
    baseUrl: overrides.baseUrl ?? url,
    currency: "EUR",
    timeoutMs: overrides.timeoutMs ?? 3000,
    credentials: {
      clientId: overrides.clientId ?? "demo-pos",
      clientSecret: overrides.clientSecret ?? "demo-pos-secret",
      clientType: "voucher-widget-test",
    },
  });
}

export const eur = (minor: number): MinorMoney => ({ minor, currency: "EUR" });

/** The HeldVoucher the services would hand back for `hold`. */
export function held(hold: UpstreamHold, code: string, minor: number, pin?: string): HeldVoucher {
  return {
    holdId: "hold-1",
    code,
    pin,
    reservationId: hold.reservationId,
    voucherId: hold.voucherId,
    amount: eur(minor),
    expiresAt: hold.expiresAt,
  };
}

/** The HttpProblem a promise rejects with (fails when it resolves or rejects with something else). */
export async function problem(promise: Promise<unknown>): Promise<HttpProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHttpProblem(error)) throw new Error(`expected an HttpProblem, got ${String(error)}`);
  return error;
}
