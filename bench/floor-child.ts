/**
 * Diagnostic child for `BENCH_BFF=floor` and `BENCH_BFF=proxy`: the least any BFF of this design can do,
 * measured on the same machine by the same load, to tell the design's floor from the BFF's own code.
 *
 * A bare node:http server. For a hold it records the claim in PostgreSQL (one durable auto-committed
 * INSERT), makes the JTL adapter's two calls over a keep-alive agent (`POST /v1/reservations`,
 * `GET /v1/vouchers/{id}`), records the outcome (one durable UPDATE) and answers; a redeem likewise (the
 * charge and the voucher read between an INSERT and an UPDATE). That is the I/O the issue's exactly-once
 * rule asks of every money step: the intent recorded before the provider call, the outcome before the answer.
 * `FLOOR_DB=none` (BENCH_BFF=proxy) leaves the database out: one more HTTP hop and nothing else.
 *
 * No framework, validation, session check, idempotency, secrets or error handling: never a server to use.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { KEPT_CONNECTIONS } from "../src/server/store/pg-db.ts";
import { simToken } from "./flows.ts";
import { request } from "./http-client.ts";

const env = process.env;
const simUrl = env.SIM_URL as string;
const useDb = env.FLOOR_DB !== "none";
// The BFF's pool settings (store/pg-db.ts): ten connections, a few kept through quiet spells.
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10, min: KEPT_CONNECTIONS, keepAlive: true });
if (useDb) {
  await pool.query(
    "CREATE TABLE IF NOT EXISTS floor_steps (id uuid PRIMARY KEY, kind text NOT NULL, state text NOT NULL, body jsonb)",
  );
}
/** One durable auto-committed statement, prepared once per connection (as the BFF's are). */
const record = async (name: string, text: string, values: unknown[]) => {
  if (useDb) await pool.query({ name, text, values });
};

// biome-ignore lint/suspicious/noExplicitAny: bodies are read field by field.
type Json = any;
const auth = { authorization: `Bearer ${await simToken(simUrl)}` };
/** One call to the simulator over the bench client's keep-alive agent; its answer's body. */
const upstream = async (method: string, path: string, body?: unknown): Promise<Json> =>
  (await request(method, `${simUrl}${path}`, body, auth)).body;
const reservations = new Map<string, { reservation: string; voucher: string }>();

async function hold(body: Json) {
  const id = randomUUID();
  await record("claim_hold", "INSERT INTO floor_steps (id, kind, state) VALUES ($1, 'hold', 'pending')", [id]);
  const reservation = await upstream("POST", "/v1/reservations", { ...body.amount, code: body.code });
  const voucher = await upstream("GET", `/v1/vouchers/${reservation.voucher_id}`);
  reservations.set(id, { reservation: reservation.id, voucher: reservation.voucher_id });
  await record("hold_outcome", "UPDATE floor_steps SET state = 'active', body = $2 WHERE id = $1", [id, voucher]);
  return { status: 201, body: { hold: { id, state: "active" } } };
}

async function redeem(holdId: string, body: Json) {
  const held = reservations.get(holdId);
  if (!held) return { status: 404, body: { code: "HOLD_NOT_FOUND" } };
  const id = randomUUID();
  await record("claim_redeem", "INSERT INTO floor_steps (id, kind, state) VALUES ($1, 'redeem', 'pending')", [id]);
  await upstream("POST", `/v1/reservations/${held.reservation}/charge`, { order_number: body.orderRef });
  const voucher = await upstream("GET", `/v1/vouchers/${held.voucher}`);
  await record("redeem_outcome", "UPDATE floor_steps SET state = 'committed', body = $2 WHERE id = $1", [id, voucher]);
  return { status: 200, body: { redemption: { id } } };
}

async function route(url: string, body: Json): Promise<{ status: number; body: unknown }> {
  if (url === "/api/v1/sessions") return { status: 201, body: { token: randomUUID() } };
  if (url === "/api/v1/holds") return hold(body);
  const redeemOf = /^\/api\/v1\/holds\/([^/]+)\/redeem$/.exec(url)?.[1];
  if (redeemOf) return redeem(redeemOf, body);
  return { status: 501, body: { code: "NOT_SUPPORTED", detail: "the floor serves holds and redeems only" } };
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const text = Buffer.concat(chunks).toString("utf8");
    const answer = await route(req.url ?? "", text ? JSON.parse(text) : {}).catch((error: Error) => ({
      status: 500,
      body: { detail: error.message },
    }));
    const json = JSON.stringify(answer.body);
    res.writeHead(answer.status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
    res.end(json);
  });
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.once("SIGTERM", async () => {
  server.close();
  await pool.end();
  process.exit(0);
});
