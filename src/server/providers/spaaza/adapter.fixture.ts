/** Test support for the Spaaza adapter tests: account config for a running simulator, and small helpers. */
import { demoUsers } from "../../../simulators/spaaza/index.ts";
import { type HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import type { HeldVoucher, MinorMoney, UpstreamHold } from "../port.ts";
import { SpaazaAccount, type SpaazaAccountInput } from "./account.schema.ts";

const pos = demoUsers[0]!;

/** A Spaaza account pointing at the simulator at `url`, with the demo POS login. */
export function simAccount(url: string, overrides: Partial<SpaazaAccountInput> = {}): SpaazaAccount {
  return SpaazaAccount.parse({
    id: "spaaza",
    provider: "spaaza",
    baseUrl: url,
    currency: "EUR",
    timeoutMs: 3000,
    credentials: { username: pos.username, password: pos.password },
    chainId: 1743,
    currencyIds: { "2": "EUR", "3": "GBP" },
    ...overrides,
  });
}

export const eur = (minor: number): MinorMoney => ({ minor, currency: "EUR" });

/** The HeldVoucher the services would hand back for `hold`. */
export function held(hold: UpstreamHold, code: string, minor: number): HeldVoucher {
  return {
    holdId: "hold-1",
    code,
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
