/** Test support for the CRM.COM adapter tests: account config for a running simulator, and small helpers. */
import type { z } from "zod";
import { CRMCOM_API_PATH, demoUsers } from "../../../simulators/crmcom/index.ts";
import { type HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import type { HeldVoucher, MinorMoney, UpstreamHold } from "../port.ts";
import { CrmcomAccount } from "./account.schema.ts";

type AccountInput = z.input<typeof CrmcomAccount>;

/** Changes to the demo account (a `null` issue removes selling). */
export type CrmOverrides = Partial<Omit<AccountInput, "issue">> & { issue?: AccountInput["issue"] | null };

/** A CRM.COM account for the simulator at `url`, with the demo user's login (DEMO ONLY). */
export function simAccount(url: string, overrides: CrmOverrides = {}): CrmcomAccount {
  const user = demoUsers[0]!;
  const { issue, ...rest } = overrides;
  return CrmcomAccount.parse({
    id: "crmcom",
    provider: "crmcom",
    baseUrl: `${url}${CRMCOM_API_PATH}`,
    currency: "EUR",
    timeoutMs: 3000,
    credentials: { username: user.username, password: user.password, organisation: user.organisation },
    ...(issue === null
      ? {}
      : {
          issue: issue ?? {
            voucherType: { alternative_code: "GIFTVAR" },
            purchasedBy: { number: "ACR0000000001" },
          },
        }),
    ...rest,
  });
}

export const eur = (minor: number): MinorMoney => ({ minor, currency: "EUR" });

/** The HeldVoucher the services would hand back for `hold`. */
export function held(hold: UpstreamHold, code: string, pin: string, minor: number): HeldVoucher {
  return {
    holdId: "hold-1",
    code,
    pin,
    reservationId: hold.reservationId,
    ...(hold.voucherId ? { voucherId: hold.voucherId } : {}),
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
