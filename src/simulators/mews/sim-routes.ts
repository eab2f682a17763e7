/**
 * Test-only control routes under `/__sim/`: reset, seed and read voucher codes, faults, request limits,
 * token revocation and rotation, clock and stats. They are not part of Mews's API, need no token, and are
 * never faulted.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DEMO_VOUCHER_IDS } from "./demo-data.ts";
import { FaultSettings, type Faults } from "./faults.ts";
import { newToken, utc, wholeSeconds } from "./format.ts";
import type { MewsState } from "./state.ts";
import { codeView } from "./views.ts";

const iso = z.iso.datetime({ offset: true });

const SeedCode = z.strictObject({
  voucherId: z.guid().default(DEMO_VOUCHER_IDS.corporate),
  value: z.string().min(1).max(128).optional(),
  validityStartUtc: iso.nullable().optional(),
  validityEndUtc: iso.nullable().optional(),
  state: z.enum(["Active", "Deleted"]).default("Active"),
});

const SimConfig = z.strictObject({
  limits: z
    .strictObject({
      windowSeconds: z.int().min(1).max(86_400).optional(),
      perToken: z.int().min(1).optional(),
      perEndpoint: z.int().min(1).optional(),
    })
    .optional(),
});

const TokenAction = z.strictObject({
  /** `revoke`: every access token stops working (401); `rotate`: each gets a new value, old ones stop working. */
  action: z.enum(["revoke", "rotate"]),
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

export function registerSimRoutes(app: FastifyInstance, state: MewsState, faults: Faults): void {
  app.post("/__sim/reset", async () => {
    state.reset();
    faults.clear();
    return { ok: true };
  });

  app.post("/__sim/voucher-codes", async (request, reply) => {
    const input = parse(SeedCode, request.body);
    const voucher = state.vouchers.get(input.voucherId);
    if (!voucher) return reply.code(404).send({ error: "no such voucher" });
    if (input.value && state.activeCodeWithValue(voucher.enterpriseId, input.value)) {
      return reply.code(409).send({ error: "value already taken" });
    }
    const ms = (v: string | null | undefined) => (v ? wholeSeconds(Date.parse(v)) : null);
    const code = state.addCode({
      voucherId: voucher.id,
      ...(input.value ? { value: input.value } : {}),
      start: ms(input.validityStartUtc),
      end: ms(input.validityEndUtc),
      state: input.state,
    });
    return reply.code(201).send(codeView(code));
  });

  // Reads a code without a token, for assertions in tests.
  app.get<{ Params: { id: string } }>("/__sim/voucher-codes/:id", async (request, reply) => {
    const code = state.codes.get(request.params.id);
    return code ? codeView(code) : reply.code(404).send({ error: "no such code" });
  });

  app.post("/__sim/faults", async (request) => {
    faults.set(parse(FaultSettings, request.body));
    return faults.settings;
  });

  app.post("/__sim/config", async (request) => {
    const input = parse(SimConfig, request.body);
    if (input.limits) state.limits.settings = { ...state.limits.settings, ...input.limits };
    return { limits: state.limits.settings };
  });

  app.post("/__sim/tokens", async (request) => {
    const { action } = parse(TokenAction, request.body);
    const tokens = [...state.accessTokens.values()];
    state.accessTokens.clear();
    const rotated: Record<string, string> = {};
    if (action === "rotate") {
      for (const t of tokens) {
        const fresh = { ...t, token: newToken() };
        state.accessTokens.set(fresh.token, fresh);
        rotated[t.token] = fresh.token;
      }
    }
    return { action, accessTokens: rotated };
  });

  app.post("/__sim/clock", async (request) => {
    state.clock.advance(parse(ClockMove, request.body).advanceSeconds);
    return { now: utc(state.now()) };
  });

  app.get("/__sim/stats", async () => ({
    ...state.stats,
    limits: state.limits.settings,
    liveAccessTokens: state.accessTokens.size,
    now: utc(state.now()),
  }));
}
