/**
 * Test-only control routes under `/__sim/` (JSON, no session, never faulted): reset, seed and read
 * vouchers, faults, config (session lifetime, revoking every session), clock and stats. Not Spaaza's API.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DEMO_CHAIN_ID } from "./demo-data.ts";
import { FaultSettings, type Faults } from "./faults.ts";
import { isoTime, parseAmount, wholeSeconds } from "./format.ts";
import type { SpaazaState, VoucherRecord } from "./state.ts";
import { voucherView } from "./views.ts";

const SeedVoucher = z.strictObject({
  key: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  id: z.int().min(1).optional(),
  /** Decimal string in the currency's major unit, e.g. "25.00". */
  amount: z
    .string()
    .regex(/^\d{1,7}(\.\d{1,2})?$/)
    .default("50.00"),
  currency_id: z.int().min(1).default(2),
  chain_id: z.int().min(1).default(DEMO_CHAIN_ID),
  status: z.enum(["generated", "claimed"]).default("claimed"),
  /** Days until expiry (negative: already expired); null: never expires. */
  expires_in_days: z.number().nullable().default(365),
});

const SimConfig = z.strictObject({
  sessionValidityHours: z.int().min(1).max(8760).optional(),
  /** Forgets every session (as if Spaaza had logged everyone out). */
  revokeSessions: z.boolean().optional(),
});

const ClockMove = z.strictObject({
  advanceSeconds: z
    .number()
    .min(0)
    .max(86_400 * 3650),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw Object.assign(new Error(z.prettifyError(result.error)), { statusCode: 400 });
  return result.data;
}

const cents = (value: number) => (value / 100).toFixed(2);

/** The voucher with what a test needs to assert: the lock's owner and the balance along the regenerated chain. */
function simView(state: SpaazaState, voucher: VoucherRecord) {
  let remaining = 0;
  let regeneratedKey: string | null = null;
  for (let v: VoucherRecord | undefined = voucher; v; v = state.vouchers.get(v.regeneratedId ?? -1)) {
    remaining += state.balance(v);
    if (v !== voucher) regeneratedKey = v.key;
  }
  const lock = state.liveLock(voucher);
  return {
    ...voucherView(state, voucher),
    voucher_locked_by_user_id: lock?.userId ?? null,
    voucher_locking_code: lock?.lockingCode ?? null,
    /** The latest voucher holding the rest, after one or more partial redemptions. */
    regenerated_voucher_key: regeneratedKey,
    /** This voucher's balance plus its regenerated successors', as a decimal string. */
    remaining_amount: cents(remaining),
  };
}

export function registerSimRoutes(app: FastifyInstance, state: SpaazaState, faults: Faults): void {
  app.post("/__sim/reset", async () => {
    state.reset();
    faults.clear();
    return { ok: true };
  });

  app.post("/__sim/vouchers", async (request, reply) => {
    const input = parse(SeedVoucher, request.body);
    if (input.key && state.findByKey(input.key)) return reply.code(409).send({ error: "key already taken" });
    if (input.id && state.vouchers.has(input.id)) return reply.code(409).send({ error: "id already taken" });
    const voucher = state.addVoucher({
      ...(input.key ? { key: input.key } : {}),
      ...(input.id ? { id: input.id } : {}),
      amount: parseAmount(input.amount)!,
      currencyId: input.currency_id,
      chainId: input.chain_id,
      status: input.status,
      expiresAt: input.expires_in_days === null ? null : wholeSeconds(state.now() + input.expires_in_days * 86_400_000),
    });
    return reply.code(201).send(simView(state, voucher));
  });

  // By key or id, without a session, for assertions in tests.
  app.get<{ Params: { ref: string } }>("/__sim/vouchers/:ref", async (request, reply) => {
    const { ref } = request.params;
    const voucher = /^\d+$/.test(ref) ? state.vouchers.get(Number(ref)) : state.findByKey(ref);
    return voucher ? simView(state, voucher) : reply.code(404).send({ error: "no such voucher" });
  });

  app.post("/__sim/faults", async (request) => {
    faults.set(parse(FaultSettings, request.body));
    return faults.settings;
  });

  app.post("/__sim/config", async (request) => {
    const input = parse(SimConfig, request.body);
    if (input.sessionValidityHours !== undefined) state.sessionValidityHours = input.sessionValidityHours;
    if (input.revokeSessions) state.sessions.clear();
    return { sessionValidityHours: state.sessionValidityHours, liveSessions: state.sessions.size };
  });

  app.post("/__sim/clock", async (request) => {
    state.clock.advance(parse(ClockMove, request.body).advanceSeconds);
    return { now: isoTime(state.now()) };
  });

  app.get("/__sim/stats", async () => ({
    ...state.stats,
    liveSessions: state.sessions.size,
    now: isoTime(state.now()),
  }));
}
