/** Test support for the Mews adapter tests: an account for a running simulator, and small helpers. */
import {
  DEMO_CLIENT_TOKEN,
  DEMO_SERVICE_ID,
  DEMO_VOUCHER_IDS,
  demoAccessTokens,
} from "../../../simulators/mews/index.ts";
import { type HttpProblem, isHttpProblem } from "../../errors/http-problem.ts";
import { MewsAccount, type MewsAccountInput } from "./account.schema.ts";

/** A Mews account pointing at the simulator at `url`, with the demo tokens and both demo vouchers. */
export function simAccount(url: string, overrides: Partial<MewsAccountInput> = {}): MewsAccount {
  return MewsAccount.parse({
    id: "mews",
    provider: "mews",
    baseUrl: url,
    currency: "EUR",
    timeoutMs: 3000,
    credentials: { clientToken: DEMO_CLIENT_TOKEN, accessToken: demoAccessTokens[0]!.token },
    client: "voucher-widget tests 1.0.0",
    serviceIds: [DEMO_SERVICE_ID],
    voucherIds: [DEMO_VOUCHER_IDS.corporate, DEMO_VOUCHER_IDS.friends],
    ...overrides,
  });
}

/** POST to the simulator's `/__sim/<path>`; throws unless it answers 2xx. */
export async function simPost<T = unknown>(url: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}/__sim/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
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
