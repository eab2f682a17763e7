/**
 * The flows measured, each twice: through the BFF, and as the same upstream calls made straight to the
 * simulator (what the JTL adapter sends: a hold is POST /v1/reservations + GET /v1/vouchers/{id}; a redeem
 * adds POST /v1/reservations/{id}/charge + GET /v1/vouchers/{id}). JTL has no check by code (the BFF
 * answers NOT_SUPPORTED without calling upstream), so "read" compares the BFF's capabilities call (session
 * check and JSON only, no upstream call) with the simulator's voucher read.
 */
import { randomBytes } from "node:crypto";
import { expectStatus } from "./http-client.ts";
import { BENCH_API_KEY } from "./processes.ts";

export type FlowName = "read" | "hold" | "hold→redeem";
export const flowNames: FlowName[] = ["read", "hold", "hold→redeem"];
/** Requests one flow makes: [through the BFF, straight to the simulator]. */
export const requestsPerFlow: Record<FlowName, [number, number]> = {
  read: [1, 1],
  hold: [1, 2],
  "hold→redeem": [2, 4],
};

interface Voucher {
  id: string;
  code: string;
}

/** Resets the simulator (so its in-memory lists start short) and seeds `count` vouchers of `amount`. */
export async function freshVouchers(simUrl: string, count: number, amount: string): Promise<Voucher[]> {
  await expectStatus(200, "POST", `${simUrl}/__sim/reset`, {});
  const vouchers: Voucher[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () =>
      expectStatus(201, "POST", `${simUrl}/__sim/vouchers`, { amount, currency: "EUR" }),
    );
    for (const answer of await Promise.all(batch)) vouchers.push({ id: answer.body.id, code: answer.body.code });
  }
  return vouchers;
}

/** Session tokens for `count` terminals of the BFF. */
export async function sessions(bffUrl: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await expectStatus(
      201,
      "POST",
      `${bffUrl}/api/v1/sessions`,
      { account: "jtl", terminalId: `bench-${i}` },
      { authorization: `Bearer ${BENCH_API_KEY}` },
    );
    tokens.push(answer.body.token);
  }
  return tokens;
}

async function simToken(simUrl: string): Promise<string> {
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
    // hold: a fresh voucher each time; hold→redeem: the terminal's own voucher, again and again.
    const voucher = (name === "hold" ? vouchers[n] : vouchers[t]) as Voucher;
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
  const auth = { authorization: `Bearer ${await simToken(simUrl)}` };
  return async (t: number, n: number) => {
    const voucher = (name === "hold" ? vouchers[n] : vouchers[t]) as Voucher;
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
