/** Test support for the Tevalis adapter tests: account config for a running simulator, and small helpers. */
import { demoCompanies, demoDeveloperIds } from "../../../simulators/tevalis/demo-data.ts";
import { type HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import type { MinorMoney } from "../port.ts";
import { TevalisAccount } from "./account.schema.ts";

export interface TevalisOverrides {
  guid?: string;
  guid2?: string;
  baseUrl?: string;
  timeZone?: string;
  timeoutMs?: number;
}

/** A Tevalis account for the simulator at `url`, with the demo company's credentials (DEMO ONLY). */
export function simAccount(url: string, overrides: TevalisOverrides = {}): TevalisAccount {
  const company = demoCompanies[0]!;
  return TevalisAccount.parse({
    id: "tevalis",
    provider: "tevalis",
    baseUrl: overrides.baseUrl ?? url,
    currency: "GBP",
    timeoutMs: overrides.timeoutMs ?? 3000,
    siteId: 1,
    timeZone: overrides.timeZone ?? "Europe/London",
    credentials: {
      companyId: company.companyId,
      guid: overrides.guid ?? company.guid,
      developerId: demoDeveloperIds[0],
      ...(overrides.guid2 ? { guid2: overrides.guid2 } : {}),
    },
  });
}

export const gbp = (minor: number): MinorMoney => ({ minor, currency: "GBP" });

/** The HttpProblem a promise rejects with (fails when it resolves or rejects with something else). */
export async function problem(promise: Promise<unknown>): Promise<HttpProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isHttpProblem(error)) throw new Error(`expected an HttpProblem, got ${String(error)}`);
  return error;
}
