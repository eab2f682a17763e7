/**
 * Test-only control routes under `/__sim/`: reset, seed and read vouchers (with their secret numbers),
 * faults, config (token lifetime, revoke every token), clock and stats. Not part of CRM.COM's API, no
 * token, never faulted.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { crmDate } from "./dates.ts";
import { FaultSettings, type Faults } from "./faults.ts";
import type { CrmState } from "./state.ts";
import { voucherView } from "./views.ts";

const SeedVoucher = z.strictObject({
  number: z
    .string()
    .regex(/^[A-Za-z0-9]{1,32}$/)
    .optional(),
  secret_number: z
    .string()
    .regex(/^\d{4,16}$/)
    .optional(),
  value: z
    .string()
    .regex(/^\d{1,8}\.\d{2}$/)
    .default("50.00"),
  /** The voucher type's alternative code. */
  type: z.string().default("GIFTVAR"),
  state: z.enum(["ACTIVATED", "USED", "CANCELLED"]).default("ACTIVATED"),
  effective_date: z.iso.datetime({ offset: true }).optional(),
  /** Absent: the type's validity from now; null: no end. */
  expiration_date: z.iso.datetime({ offset: true }).nullable().optional(),
});

const SimConfig = z.strictObject({
  tokenTtlSeconds: z.int().min(1).max(86_400).optional(),
  /** Forgets every token issued so far, so clients must log in again. */
  revokeTokens: z.boolean().optional(),
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

export function registerSimRoutes(app: FastifyInstance, state: CrmState, faults: Faults): void {
  app.post("/__sim/reset", async () => {
    state.reset();
    faults.clear();
    return { ok: true };
  });

  app.post("/__sim/vouchers", async (request, reply) => {
    const input = parse(SeedVoucher, request.body);
    const type = [...state.types.values()].find((t) => t.alternative_code === input.type);
    if (!type) return reply.code(400).send({ error: "unknown voucher type" });
    if (input.number && state.findByNumber(input.number)) return reply.code(409).send({ error: "number taken" });
    const [whole = "0", frac = "00"] = input.value.split(".");
    const voucher = state.addVoucher({
      ...(input.number ? { number: input.number } : {}),
      ...(input.secret_number ? { secretNumber: input.secret_number } : {}),
      value: Number(whole) * 100 + Number(frac),
      type,
      ...(input.effective_date ? { effectiveDate: Date.parse(input.effective_date) } : {}),
      ...(input.expiration_date !== undefined
        ? { expirationDate: input.expiration_date === null ? null : Date.parse(input.expiration_date) }
        : {}),
    });
    if (input.state === "USED") state.use(voucher);
    if (input.state === "CANCELLED") Object.assign(voucher, { state: "CANCELLED", cancellationReason: "VOUCHER_LOSS" });
    return reply.code(201).send({ ...voucherView(state, voucher), secret_number: voucher.secretNumber });
  });

  // Reads a voucher with its secret number and without a token, for assertions in tests.
  app.get<{ Params: { number: string } }>("/__sim/vouchers/:number", async (request, reply) => {
    const voucher = state.findByNumber(request.params.number);
    if (!voucher) return reply.code(404).send({ error: "no such voucher" });
    return { ...voucherView(state, voucher), secret_number: voucher.secretNumber };
  });

  app.post("/__sim/faults", async (request) => {
    faults.set(parse(FaultSettings, request.body));
    return faults.settings;
  });

  app.post("/__sim/config", async (request) => {
    const input = parse(SimConfig, request.body);
    if (input.tokenTtlSeconds !== undefined) state.tokenTtlSeconds = input.tokenTtlSeconds;
    if (input.revokeTokens) state.tokens.clear();
    return { tokenTtlSeconds: state.tokenTtlSeconds, liveTokens: state.tokens.size };
  });

  app.post("/__sim/clock", async (request) => {
    state.clock.advance(parse(ClockMove, request.body).advanceSeconds);
    return { now: crmDate(state.now()) };
  });

  app.get("/__sim/stats", async () => ({
    ...state.stats,
    liveTokens: state.tokens.size,
    wallets: Object.fromEntries(state.walletBalances),
    now: new Date(state.now()).toISOString(),
  }));
}
