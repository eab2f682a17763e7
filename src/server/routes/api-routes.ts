/**
 * The v1 voucher routes, registered from the shared route table so paths and schemas cannot drift from
 * what the browser client calls. Each handler validates, authenticates, and hands over to the services.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { routes } from "../../shared/index.ts";
import { HttpProblem } from "../errors/http-problem.ts";
import { type createAuthenticator, requireAbility } from "../http/request-context.ts";
import { parseInput, requireIdempotencyKey } from "../http/validate.ts";
import type { MoneyServices, StoredOutcome } from "../services/types.ts";

export interface ApiRouteDeps {
  services: MoneyServices;
  authenticate: ReturnType<typeof createAuthenticator>;
}

type RouteName = Exclude<keyof typeof routes, "createSession">;
type Handler = (request: FastifyRequest) => Promise<StoredOutcome<unknown> | unknown>;

const holdId = /^[A-Za-z0-9_-]{1,64}$/;

/** The `:id` path parameter, refused early when it cannot be one of our ids. */
function idParam(request: FastifyRequest): string {
  const id = (request.params as { id?: string }).id ?? "";
  if (!holdId.test(id)) throw new HttpProblem("INVALID_REQUEST", "The id in the path is not valid.", { status: 404 });
  return id;
}

export function registerApiRoutes(app: FastifyInstance, { services, authenticate }: ApiRouteDeps): void {
  const handlers: Record<RouteName, Handler> = {
    capabilities: async (request) => {
      const ctx = await authenticate(request);
      const { adapter } = ctx.account;
      return {
        account: ctx.account.id,
        provider: ctx.account.provider,
        currency: ctx.account.currency,
        voucherKind: adapter.voucherKind,
        terminalId: ctx.terminalId,
        abilities: ctx.abilities,
        capabilities: adapter.capabilities,
        serverTime: new Date().toISOString(),
      };
    },
    checkVoucher: async (request) =>
      services.check(await authenticate(request), parseInput(routes.checkVoucher.body, request.body)),
    createHold: async (request) => {
      const ctx = await authenticate(request);
      requireAbility(ctx, "redeem");
      const key = requireIdempotencyKey(request.headers["idempotency-key"]);
      return services.createHold(ctx, parseInput(routes.createHold.body, request.body), key);
    },
    getHold: async (request) => services.getHold(await authenticate(request), idParam(request)),
    extendHold: async (request) => {
      const ctx = await authenticate(request);
      requireAbility(ctx, "redeem");
      return services.extendHold(ctx, idParam(request), parseInput(routes.extendHold.body, request.body ?? {}));
    },
    releaseHold: async (request) => {
      const ctx = await authenticate(request);
      return services.releaseHold(ctx, idParam(request));
    },
    redeemHold: async (request) => {
      const ctx = await authenticate(request);
      requireAbility(ctx, "redeem");
      const key = requireIdempotencyKey(request.headers["idempotency-key"]);
      return services.redeem(ctx, idParam(request), parseInput(routes.redeemHold.body, request.body), key);
    },
    refundRedemption: async (request) => {
      const ctx = await authenticate(request);
      requireAbility(ctx, "refund");
      const key = requireIdempotencyKey(request.headers["idempotency-key"]);
      return services.refund(ctx, idParam(request), parseInput(routes.refundRedemption.body, request.body), key);
    },
    issueVoucher: async (request) => {
      const ctx = await authenticate(request);
      requireAbility(ctx, "issue");
      const key = requireIdempotencyKey(request.headers["idempotency-key"]);
      return services.issue(ctx, parseInput(routes.issueVoucher.body, request.body), key);
    },
  };

  for (const [name, handler] of Object.entries(handlers) as [RouteName, Handler][]) {
    const route = routes[name];
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        const result = await handler(request);
        if (route.idempotent) {
          const outcome = result as StoredOutcome<unknown>;
          if (outcome.replayed) reply.header("idempotency-replayed", "true");
          return reply.code(outcome.status).send(outcome.body);
        }
        return reply.code(route.status).send(result);
      },
    });
  }
}
