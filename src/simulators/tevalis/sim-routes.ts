/**
 * Test-only control routes under `/__sim/`: reset, seed and read vouchers, faults, config (date style,
 * site time zone, default expiry), clock and stats. Not part of Tevalis's API, no credentials, never
 * faulted. Tevalis has no tokens or sessions, so there is nothing to revoke.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { FaultSettings, type Faults } from "./faults.ts";
import type { TevalisState } from "./state.ts";
import { recordView } from "./views.ts";

const DAY_MS = 86_400_000;

const SeedVoucher = z.strictObject({
  /** Absent or blank: a GUID, as CreateVoucher makes one. */
  serial: z.string().max(50).optional(),
  value: z
    .string()
    .regex(/^\d{1,8}\.\d{2}$/)
    .default("25.00"),
  companyId: z.int().default(1001),
  siteId: z.int().default(1),
  state: z.enum(["active", "redeemed", "void"]).default("active"),
  /** RFC 3339; null: never expires; absent: a year from now. */
  expiryDate: z.iso.datetime({ offset: true }).nullable().optional(),
  notes: z.string().max(500).nullable().optional(),
});

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "an IANA time zone");

const SimConfig = z.strictObject({
  dateStyle: z.enum(["offset", "local", "mixed"]).optional(),
  siteTimeZone: timeZone.optional(),
  defaultExpiryDays: z.int().min(1).max(3650).optional(),
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

export function registerSimRoutes(app: FastifyInstance, state: TevalisState, faults: Faults): void {
  app.post("/__sim/reset", async () => {
    state.reset();
    faults.clear();
    return { ok: true };
  });

  app.post("/__sim/vouchers", async (request, reply) => {
    const input = parse(SeedVoucher, request.body);
    const company = state.companies.get(input.companyId);
    if (!company?.siteIds.includes(input.siteId)) {
      return reply.code(400).send({ error: "unknown company/site" });
    }
    if (input.serial?.trim() && state.findBySerial(input.companyId, input.serial)) {
      return reply.code(409).send({ error: "serial already taken" });
    }
    const [whole = "0", frac = "00"] = input.value.split(".");
    const now = state.now();
    const voucher = state.addVoucher({
      companyId: input.companyId,
      siteId: input.siteId,
      serial: input.serial ?? null,
      value: Number(whole) * 100 + Number(frac),
      state: input.state,
      dateSold: now,
      expiryDate:
        input.expiryDate === undefined
          ? now + 365 * DAY_MS
          : input.expiryDate === null
            ? null
            : Date.parse(input.expiryDate),
      notes: input.notes ?? null,
    });
    return reply.code(201).send(JSON.parse(JSON.stringify(recordView(state, voucher), decimalAsString)));
  });

  // Reads a voucher (active or not) by serial, for assertions in tests.
  app.get<{ Params: { serial: string }; Querystring: { companyId?: string } }>(
    "/__sim/vouchers/:serial",
    async (request, reply) => {
      const companyId = Number(request.query.companyId ?? 1001);
      const voucher = state.findBySerial(companyId, request.params.serial);
      if (!voucher) return reply.code(404).send({ error: "no such voucher" });
      return JSON.parse(JSON.stringify(recordView(state, voucher), decimalAsString));
    },
  );

  app.post("/__sim/faults", async (request) => {
    faults.set(parse(FaultSettings, request.body));
    return faults.settings;
  });

  app.post("/__sim/config", async (request) => {
    Object.assign(state.settings, parse(SimConfig, request.body));
    return state.settings;
  });

  app.post("/__sim/clock", async (request) => {
    state.clock.advance(parse(ClockMove, request.body).advanceSeconds);
    return { now: new Date(state.now()).toISOString() };
  });

  app.get("/__sim/stats", async () => ({ ...state.stats, now: new Date(state.now()).toISOString() }));
}

/** `/__sim/` answers are for tests: amounts as exact strings ("25.00") rather than .NET decimals. */
function decimalAsString(_key: string, value: unknown): unknown {
  return value && typeof value === "object" && "toText" in value ? (value as { toText(): string }).toText() : value;
}
