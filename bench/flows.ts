/**
 * The flows measured, each twice: through the BFF, and as the same upstream calls made straight to the
 * simulator (what the adapter sends). JTL: a hold is POST /v1/reservations + GET /v1/vouchers/{id}; a
 * redeem adds POST /v1/reservations/{id}/charge + GET /v1/vouchers/{id}. JTL has no check by code, so
 * "check" runs on a Spaaza account: GET /resources/voucher?key=… with the login session's headers.
 * "read" (not in the default set) compares the BFF's capabilities call (session check and JSON only, no
 * upstream call, no database) with JTL's voucher read: the BFF's own HTTP cost.
 */
import { randomBytes } from "node:crypto";
import { DEMO_CHAIN_ID, demoUsers } from "../src/simulators/spaaza/demo-data.ts";
import { expectStatus } from "./http-client.ts";
import { BENCH_API_KEY } from "./processes.ts";

export type FlowName = "check" | "hold" | "hold→redeem" | "read";
export const flowNames: FlowName[] = ["check", "hold", "hold→redeem", "read"];
/** The flows run unless BENCH_FLOWS says otherwise (the three). */
export const defaultFlows: FlowName[] = ["check", "hold", "hold→redeem"];
/** Requests one flow makes: [through the BFF, straight to the simulator]. */
export const requestsPerFlow: Record<FlowName, [number, number]> = {
  check: [1, 1],
  hold: [1, 2],
  "hold→redeem": [2, 4],
  read: [1, 1],
};
/** The simulator (and BFF account) a flow runs on. */
export const providerOf = (flow: FlowName): "jtl" | "spaaza" => (flow === "check" ? "spaaza" : "jtl");

const SPAAZA_VERSION = { "x-spaaza-api-version": "1.6.1" };

interface Voucher {
  id: string;
  code: string;
}

/**
 * Resets the simulator (so its in-memory lists start short) and seeds `count` vouchers of `amount`
 * (JTL: code and id; Spaaza: the 64-hex key is the code).
 */
export async function freshVouchers(
  provider: "jtl" | "spaaza",
  simUrl: string,
  count: number,
  amount: string,
): Promise<Voucher[]> {
  await expectStatus(200, "POST", `${simUrl}/__sim/reset`, {});
  const seed = provider === "jtl" ? { amount, currency: "EUR" } : { amount };
  const vouchers: Voucher[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () =>
      expectStatus(201, "POST", `${simUrl}/__sim/vouchers`, seed),
    );
    for (const { body } of await Promise.all(batch)) {
      vouchers.push(
        provider === "jtl" ? { id: body.id, code: body.code } : { id: String(body.voucher_id), code: body.voucher_key },
      );
    }
  }
  return vouchers;
}

/** Session tokens for `count` terminals of the BFF on `account`. */
export async function sessions(bffUrl: string, count: number, account: "jtl" | "spaaza"): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await expectStatus(
      201,
      "POST",
      `${bffUrl}/api/v1/sessions`,
      { account, terminalId: `bench-${i}` },
      { authorization: `Bearer ${BENCH_API_KEY}` },
    );
    tokens.push(answer.body.token);
  }
  return tokens;
}

/** The headers of a Spaaza login session of the simulator's POS demo user. */
async function spaazaSession(simUrl: string): Promise<Record<string, string>> {
  const pos = demoUsers[0] as { username: string; password: string };
  const form = new URLSearchParams({ username: pos.username, password: pos.password });
  const answer = await fetch(`${simUrl}/auth/login`, { method: "POST", headers: SPAAZA_VERSION, body: form });
  const info = (
    (await answer.json()) as { results: { session_info: { session_user_id: number; session_key: string } } }
  ).results.session_info;
  return { "x-spaaza-session-user-id": String(info.session_user_id), "x-spaaza-session-key": info.session_key };
}

/** An access token of the JTL simulator's demo POS client. */
export async function simToken(simUrl: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: "demo-pos",
    client_secret: "demo-pos-secret",
  });
  const answer = await fetch(`${simUrl}/oauth/token`, { method: "POST", body: form });
  return ((await answer.json()) as { access_token: string }).access_token;
}

const key = () => randomBytes(12).toString("base64url");
const one = { amount: "1.00", currency: "EUR" };

/** A flow through the BFF: `(terminal, n) => …`, given its vouchers and the terminals' tokens. */
export function bffFlow(name: FlowName, bffUrl: string, tokens: string[], vouchers: Voucher[]) {
  const auth = (t: number) => ({ authorization: `Bearer ${tokens[t]}` });
  return async (t: number, n: number) => {
    if (name === "read") {
      await expectStatus(200, "GET", `${bffUrl}/api/v1/capabilities`, undefined, auth(t));
      return;
    }
    if (name === "check") {
      // The terminal's own voucher, checked again and again (valid: no failed attempt is recorded).
      const code = (vouchers[t] as Voucher).code;
      await expectStatus(200, "POST", `${bffUrl}/api/v1/vouchers/check`, { code }, auth(t));
      return;
    }
    // A fresh voucher for each flow.
    const voucher = vouchers[n] as Voucher;
    const held = await expectStatus(
      201,
      "POST",
      `${bffUrl}/api/v1/holds`,
      { code: voucher.code, amount: one },
      {
        ...auth(t),
        "idempotency-key": key(),
      },
    );
    if (name === "hold") return;
    await expectStatus(
      200,
      "POST",
      `${bffUrl}/api/v1/holds/${held.body.hold.id}/redeem`,
      { orderRef: `o-${n}` },
      {
        ...auth(t),
        "idempotency-key": key(),
      },
    );
  };
}

/** The same flow as the calls the adapter makes, straight to the simulator. */
export async function directFlow(name: FlowName, simUrl: string, vouchers: Voucher[]) {
  if (name === "check") {
    const headers = { ...(await spaazaSession(simUrl)), ...SPAAZA_VERSION, "x-spaaza-chain-id": String(DEMO_CHAIN_ID) };
    return async (t: number) => {
      const key = (vouchers[t] as Voucher).code;
      await expectStatus(200, "GET", `${simUrl}/resources/voucher?key=${key}`, undefined, headers);
    };
  }
  const auth = { authorization: `Bearer ${await simToken(simUrl)}` };
  return async (t: number, n: number) => {
    // read: the terminal's own voucher; hold and hold→redeem: a fresh one for each flow.
    const voucher = (name === "read" ? vouchers[t] : vouchers[n]) as Voucher;
    if (name === "read") {
      await expectStatus(200, "GET", `${simUrl}/v1/vouchers/${voucher.id}`, undefined, auth);
      return;
    }
    const reservation = await expectStatus(
      200,
      "POST",
      `${simUrl}/v1/reservations`,
      { ...one, code: voucher.code },
      auth,
    );
    await expectStatus(200, "GET", `${simUrl}/v1/vouchers/${reservation.body.voucher_id}`, undefined, auth);
    if (name === "hold") return;
    await expectStatus(
      200,
      "POST",
      `${simUrl}/v1/reservations/${reservation.body.id}/charge`,
      { order_number: `o-${n}` },
      auth,
    );
    await expectStatus(200, "GET", `${simUrl}/v1/vouchers/${voucher.id}`, undefined, auth);
  };
}
