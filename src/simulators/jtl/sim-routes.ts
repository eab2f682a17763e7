/**
 * Test-only control routes under `/__sim/`: reset, seed and read vouchers, faults, config, clock and stats. They
 * are not part of JTL's API, need no token, and are never faulted.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { FaultSettings, type Faults } from "./faults.ts";
import { AMOUNT_PATTERN, newPin, rfc3339, toCents, wholeSeconds } from "./format.ts";
import type { JtlState } from "./state.ts";
import { voucherView } from "./views.ts";

const amount = z.string().regex(AMOUNT_PATTERN);

const SeedVoucher = z.strictObject({
  id: z.string().min(1).max(255).optional(),
  code: z.string().min(1).max(255).optional(),
  /** A PIN, or `true` for a generated 4-digit one; absent or `false` for none. */
  pin: z.union([z.string().min(1).max(255), z.boolean()]).optional(),
  amount: amount.default("50.00"),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("EUR"),
  status: z.enum(["active", "inactive"]).default("active"),
  /** Absent: one year from now for active vouchers, null for inactive ones. */
  valid_until: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Already charged, so the balance is `amount − spent`. */
  spent: amount.optional(),
  taxable: z.boolean().optional(),
  tax_rate: z.string().nullable().optional(),
});

const SimConfig = z.strictObject({
  tokenTtlSeconds: z
    .int()
    .min(1)
    .max(86_400 * 30)
    .optional(),
  /** Invalidates every token issued so far (as if the provider rotated its keys). */
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
  if (!result.success) {
    throw Object.assign(new Error(z.prettifyError(result.error)), { statusCode: 400 });
  }
  return result.data;
}

export function registerSimRoutes(app: FastifyInstance, state: JtlState, faults: Faults): void {
  app.post("/__sim/reset", async () => {
    state.reset();
    faults.clear();
    return { ok: true };
  });

  app.post("/__sim/vouchers", async (request, reply) => {
    const input = parse(SeedVoucher, request.body);
    if (input.code && state.codeTaken(input.code)) return reply.code(409).send({ error: "code already taken" });
    if (input.id && state.vouchers.has(input.id)) return reply.code(409).send({ error: "id already taken" });
    const now = state.now();
    const validUntil =
      input.valid_until === undefined
        ? input.status === "active"
          ? wholeSeconds(now + 365 * 86_400_000)
          : null
        : input.valid_until === null
          ? null
          : wholeSeconds(Date.parse(input.valid_until));
    const voucher = state.addVoucher({
      ...(input.id ? { id: input.id } : {}),
      ...(input.code ? { code: input.code } : {}),
      pin: typeof input.pin === "string" ? input.pin : input.pin ? newPin() : null,
      amount: toCents(input.amount),
      currency: input.currency,
      status: input.status,
      valid_until: validUntil,
      taxable: input.taxable ?? false,
      tax_rate: input.tax_rate ?? null,
    });
    if (input.spent) state.addCharge(voucher, "charge", toCents(input.spent), "SIM-SEED", null, voucher.client_id);
    return reply.code(201).send(voucherView(state, voucher, true));
  });

  // Reads a voucher with its secrets and balance without a token, for assertions in tests.
  app.get<{ Params: { id: string } }>("/__sim/vouchers/:id", async (request, reply) => {
    const voucher = state.vouchers.get(request.params.id);
    return voucher ? voucherView(state, voucher, true) : reply.code(404).send({ error: "no such voucher" });
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
    return { now: rfc3339(state.now()) };
  });

  app.get("/__sim/stats", async () => ({ ...state.stats, now: rfc3339(state.now()) }));
}
