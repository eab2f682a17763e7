/**
 * Idempotency keys, after Stripe (DESIGN §4). A request claims (account, key) with a fingerprint of the
 * route, path parameters and body. The same key and fingerprint replays the stored final answer; another
 * fingerprint is IDEMPOTENCY_CONFLICT; a claim still running is IDEMPOTENCY_IN_PROGRESS. Final answers,
 * including non-retryable problems, are stored; retryable failures free the key for a retry with it.
 */
import type { Problem, RouteName } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import {
  completeKey,
  deleteKey,
  type IdempotencyRow,
  insertOrLockKey,
  setKeyLease,
} from "../store/idempotency-repo.ts";
import { after, type Deps } from "./context.ts";
import type { RequestContext, StoredOutcome } from "./types.ts";

/** JSON with object keys sorted and undefined members dropped, so equal bodies give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The request a key is claimed for. */
export interface KeyedRequest {
  ctx: RequestContext;
  key: string;
  route: RouteName;
  params?: Record<string, string>;
  body: unknown;
}

/** What the work sees of its claim: a resource an earlier attempt left, and how to leave the key on failure. */
export interface KeyHandle {
  /** Set when an earlier attempt under this key left a resource to settle first (a pending redemption). */
  resourceId: string | null;
  /** Set by the work when it leaves something pending that a retry with this key must settle. */
  keepOnFailure: boolean;
}

export interface IdempotentOptions {
  /** Seal the stored body (it holds a secret: an issued voucher's code and PIN). */
  sealed?: boolean;
}

/**
 * Runs `work` at most once per (account, key) and stores its final answer. The fingerprint is an HMAC,
 * not a plain hash: bodies hold codes and PINs, and a short PIN under a plain hash is easily guessed.
 */
export async function runIdempotent<T>(
  deps: Deps,
  req: KeyedRequest,
  work: (handle: KeyHandle) => Promise<{ status: number; body: T }>,
  options: IdempotentOptions = {},
): Promise<StoredOutcome<T>> {
  const accountId = req.ctx.account.id;
  const fingerprint = deps.sealer.hmac(
    "idempotency",
    req.route,
    canonicalJson({ params: req.params ?? {}, body: req.body }),
  );
  const context = `idempotency:${accountId}:${req.key}`;
  const now = deps.now();

  type Claim =
    | { kind: "claimed"; resourceId: string | null }
    | { kind: "conflict" }
    | { kind: "busy" }
    | { kind: "done"; row: IdempotencyRow };
  const claim = await deps.db.transaction(async (tx): Promise<Claim> => {
    const { inserted, row } = await insertOrLockKey(tx, {
      accountId,
      key: req.key,
      route: req.route,
      fingerprint,
      lockedUntil: after(now, deps.leaseMs),
      now,
    });
    if (inserted) return { kind: "claimed", resourceId: null };
    if (row.fingerprint !== fingerprint) return { kind: "conflict" };
    if (row.state === "done") return { kind: "done", row };
    if (row.lockedUntil && row.lockedUntil > now) return { kind: "busy" };
    // A crashed request's lease ran out, or an earlier attempt left a pending resource: take over.
    await setKeyLease(tx, accountId, req.key, after(now, deps.leaseMs));
    return { kind: "claimed", resourceId: row.resourceId };
  });

  if (claim.kind === "conflict") {
    throw new HttpProblem("IDEMPOTENCY_CONFLICT", "This Idempotency-Key was used with another request.");
  }
  if (claim.kind === "busy") {
    throw new HttpProblem("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running.", {
      retryAfterSeconds: 1,
    });
  }
  if (claim.kind === "done") {
    const { row } = claim;
    const body = row.sealedBody ? JSON.parse(deps.sealer.open(row.sealedBody, context)) : row.body;
    if (row.isError) throw problemFromStored(body as Problem);
    return { status: row.status ?? 200, body: body as T, replayed: true };
  }

  const handle: KeyHandle = { resourceId: claim.resourceId, keepOnFailure: false };
  let result: { status: number; body: T };
  try {
    result = await work(handle);
  } catch (error) {
    await settleKeyAfterFailure(deps, accountId, req.key, handle, error).catch((storeError: unknown) =>
      // The lease still frees the key in time; the client's answer is the original failure.
      deps.logger.error({ err: storeError, route: req.route }, "could not settle an idempotency key"),
    );
    throw error;
  }
  const done = deps.now();
  await deps.db.transaction((tx) =>
    options.sealed
      ? completeKey(tx, {
          accountId,
          key: req.key,
          status: result.status,
          isError: false,
          sealedBody: deps.sealer.seal(JSON.stringify(result.body), context),
          now: done,
        })
      : completeKey(tx, {
          accountId,
          key: req.key,
          status: result.status,
          isError: false,
          body: result.body,
          now: done,
        }),
  );
  return { ...result, replayed: false };
}

async function settleKeyAfterFailure(
  deps: Deps,
  accountId: string,
  key: string,
  handle: KeyHandle,
  error: unknown,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (handle.keepOnFailure) {
      // Something is left pending: keep the record (and its resource) but let a retry in at once.
      await setKeyLease(tx, accountId, key, null);
    } else if (isHttpProblem(error) && !error.retryable) {
      await completeKey(tx, {
        accountId,
        key,
        status: error.status,
        isError: true,
        body: error.toProblem(),
        now: deps.now(),
      });
    } else {
      await deleteKey(tx, accountId, key);
    }
  });
}

/** Rebuilds the HttpProblem a stored problem body came from, so a replay answers exactly as the first did. */
export function problemFromStored(problem: Problem): HttpProblem {
  return new HttpProblem(problem.code, problem.detail, {
    status: problem.status,
    ...(problem.retryAfterSeconds !== undefined ? { retryAfterSeconds: problem.retryAfterSeconds } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  });
}
