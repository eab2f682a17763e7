/**
 * The access-code admin routes (`/api/v1/voucher-codes`, DESIGN §4), from the shared `codesRoutes` table.
 * Each needs a session with the `codes` ability (FORBIDDEN otherwise) on an account whose adapter offers
 * the admin (NOT_SUPPORTED otherwise). Code values are stored normalized, so the widget's check (which
 * normalizes what a person types) finds them.
 *
 * Adding requires an `Idempotency-Key`. No money moves here, so the key is kept in memory by this
 * instance only (not in the store): a retry with the same key and body replays the first answer, another
 * body is IDEMPOTENCY_CONFLICT, and a retry while the first still runs is IDEMPOTENCY_IN_PROGRESS. A
 * failed add frees its key.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { type AccessCode as AccessCodeView, codesRoutes, normalizeCode } from "../../shared/index.ts";
import { HttpProblem } from "../errors/http-problem.ts";
import { type createAuthenticator, requireAbility } from "../http/request-context.ts";
import { parseInput, requireIdempotencyKey } from "../http/validate.ts";
import type { AccessCode, AccessCodeAdmin } from "../providers/port.ts";
import { canonicalJson } from "../services/idempotency.ts";

export interface CodesRouteDeps {
  authenticate: ReturnType<typeof createAuthenticator>;
  /** Replay memory for `Idempotency-Key`s of adds (default: a new one per app). */
  replays?: AddReplays;
}

/** The page size when the client does not ask for one. */
export const DEFAULT_PAGE_SIZE = 20;

/** Room for 1000 items (the app's default limit is sized for single vouchers, not batches). */
const ADD_BODY_LIMIT = 512 * 1024;
const DELETE_BODY_LIMIT = 128 * 1024;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A code as the contract shows it. */
function view(code: AccessCode): AccessCodeView {
  return {
    id: code.id,
    voucherId: code.voucherId,
    value: code.value,
    validFrom: iso(code.validFrom),
    validUntil: iso(code.validUntil),
    state: code.state,
    createdAt: code.createdAt.toISOString(),
  };
}

/**
 * What an `Idempotency-Key` on an add led to, per account, for 24 hours and up to `maxCodes` codes in all
 * (the oldest answers are forgotten first). Fingerprints are HMACs: the bodies hold the codes themselves.
 */
export class AddReplays {
  readonly #entries = new Map<string, { fingerprint: string; at: number; body?: { items: AccessCodeView[] } }>();
  readonly #secret = randomBytes(32);
  #codes = 0;

  constructor(
    private readonly maxCodes = 20_000,
    private readonly ttlMs = 86_400_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `work` once per (account, key); the same key and body again gets the first answer back. */
  async run(
    account: string,
    key: string,
    body: unknown,
    work: () => Promise<{ items: AccessCodeView[] }>,
  ): Promise<{ body: { items: AccessCodeView[] }; replayed: boolean }> {
    this.#forget();
    const id = `${account}\n${key}`;
    const fingerprint = createHmac("sha256", this.#secret).update(canonicalJson(body)).digest("base64url");
    const seen = this.#entries.get(id);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        throw new HttpProblem("IDEMPOTENCY_CONFLICT", "This Idempotency-Key was used with another request.");
      }
      if (!seen.body) {
        throw new HttpProblem("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running.", {
          retryAfterSeconds: 1,
        });
      }
      return { body: seen.body, replayed: true };
    }
    const entry: { fingerprint: string; at: number; body?: { items: AccessCodeView[] } } = {
      fingerprint,
      at: this.now(),
    };
    this.#entries.set(id, entry);
    try {
      entry.body = await work();
    } catch (error) {
      this.#entries.delete(id);
      throw error;
    }
    this.#codes += entry.body.items.length;
    return { body: entry.body, replayed: false };
  }

  #forget(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [id, entry] of this.#entries) {
      // Map order is insertion order: stop at the first entry young enough, when under the size bound.
      if (entry.at >= oldest && this.#codes <= this.maxCodes) break;
      if (!entry.body) continue;
      this.#entries.delete(id);
      this.#codes -= entry.body.items.length;
    }
  }
}

export function registerCodesRoutes(app: FastifyInstance, deps: CodesRouteDeps): void {
  const replays = deps.replays ?? new AddReplays();

  /** The session's account and its codes admin, or FORBIDDEN / NOT_SUPPORTED. */
  async function adminFor(request: FastifyRequest): Promise<{ accountId: string; admin: AccessCodeAdmin }> {
    const ctx = await deps.authenticate(request);
    requireAbility(ctx, "codes");
    const { adapter } = ctx.account;
    if (!adapter.accessCodes || !adapter.capabilities.codesAdmin) {
      throw new HttpProblem("NOT_SUPPORTED", "This account's voucher provider has no access codes to administer.");
    }
    return { accountId: ctx.account.id, admin: adapter.accessCodes };
  }

  const r = codesRoutes;
  app.get(r.listAccessCodeVouchers.path, async (request) => {
    const { admin } = await adminFor(request);
    return { vouchers: await admin.listVouchers() };
  });

  app.get(r.listAccessCodes.path, async (request) => {
    const { admin } = await adminFor(request);
    const query = parseInput(r.listAccessCodes.query, request.query ?? {});
    const page = await admin.listCodes({
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  });

  app.post(r.addAccessCodes.path, { bodyLimit: ADD_BODY_LIMIT }, async (request, reply) => {
    const { accountId, admin } = await adminFor(request);
    const key = requireIdempotencyKey(request.headers["idempotency-key"]);
    const { items } = parseInput(r.addAccessCodes.body, request.body);
    const normalized = items.map((item) => ({
      voucherId: item.voucherId,
      value: normalizeCode(item.value),
      ...(item.validFrom ? { validFrom: new Date(item.validFrom) } : {}),
      ...(item.validUntil ? { validUntil: new Date(item.validUntil) } : {}),
    }));
    const outcome = await replays.run(accountId, key, normalized, async () => ({
      items: (await admin.addCodes(normalized)).map(view),
    }));
    if (outcome.replayed) reply.header("idempotency-replayed", "true");
    return reply.code(r.addAccessCodes.status).send(outcome.body);
  });

  app.delete(r.deleteAccessCodes.path, { bodyLimit: DELETE_BODY_LIMIT }, async (request) => {
    const { admin } = await adminFor(request);
    const { ids } = parseInput(r.deleteAccessCodes.body, request.body);
    await admin.deleteCodes(ids);
    return { deleted: ids };
  });
}
