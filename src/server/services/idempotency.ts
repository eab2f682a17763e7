/**
 * Idempotency keys, after Stripe (DESIGN §4). A request claims (account, key) with a fingerprint of the
 * route, path parameters and body. The same key and fingerprint replays the stored final answer; another
 * fingerprint is IDEMPOTENCY_CONFLICT; a claim still running is IDEMPOTENCY_IN_PROGRESS. Final answers,
 * including non-retryable problems, are stored; retryable failures free the key for a retry with it.
 */
import type { Problem, RouteName } from "../../shared/index.ts";
import { HttpProblem, isHttpProblem } from "../errors/http-problem.ts";
import { IF_FIRST_CHANGED, type Write } from "../store/atomic.ts";
import type { Queryable, Transaction } from "../store/db.ts";
import {
  completeKey,
  completeKeyWrite,
  deleteKey,
  type IdempotencyRow,
  insertKeyWrite,
  insertOrLockKey,
  type KeyAnswer,
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

/** A final answer, to be stored under the key. */
export interface Answer<T> {
  status: number;
  body: T;
}

/**
 * What the work hands back: the answer, or `finish`, the work's last database step, which runs in the
 * same transaction that stores the answer (so the outcome and the stored answer commit together, in one
 * durable commit). When that transaction fails, nothing of it is kept and the key is settled as after any
 * failure of the work (set `keepOnFailure` first where money has already moved).
 */
export type WorkResult<T> = Answer<T> | { finish: (tx: Queryable) => Promise<Answer<T>> } | WriteTogether<T>;

/**
 * The work's last step and the stored answer as one auto-committed statement (`writeTogether`): one
 * round trip and one durable commit instead of a transaction of several. `write` runs it with the key's
 * completion (a `Write` guarded by `IF_FIRST_CHANGED`) among its members and reports whether it wrote;
 * when it did not (what it was to change had changed meanwhile), `otherwise` runs in a transaction that
 * stores its answer instead. Failures are settled as for `finish`.
 */
export interface WriteTogether<T> {
  answer: Answer<T>;
  write: (db: Queryable, storeAnswer: Write) => Promise<boolean>;
  otherwise: (tx: Queryable) => Promise<Answer<T>>;
}

export interface IdempotentSteps<S, T> {
  /**
   * The work's first database step, run inside the transaction that claims the key, so the claim and what
   * must be durable before the provider call (a pending hold, a pending redemption) commit together.
   * Runs only when nothing is left to settle (`handle.resourceId` is null); otherwise `work` gets
   * `undefined` and does the step itself. An HttpProblem it throws is the answer: whatever the step wrote
   * before throwing is committed with the key's settlement (a non-retryable problem stored, the key freed
   * for a retryable one). It must not turn an SQL error into an HttpProblem (the transaction is then
   * aborted); any other error rolls back the claim too, which frees the key.
   */
  start?: (tx: Transaction, handle: KeyHandle) => Promise<S>;
  /**
   * The common case in one auto-committed statement: a key not seen before, claimed together with what
   * `start` would write. `claimKey` builds the key's INSERT (pointing at the resource the step creates,
   * returning a row only when it inserted) to run first, the step's own writes guarded by
   * `IF_FIRST_CHANGED`. Resolves to what `start` would have returned, or null when the key was there
   * already: then nothing was written and the claim takes the usual way (a transaction, with `start`).
   */
  claimFirst?: (claimKey: (resourceId: string) => Write) => Promise<{ value: S } | null>;
  work: (handle: KeyHandle, started: S | undefined) => Promise<WorkResult<T>>;
}

/**
 * Runs the work at most once per (account, key) and stores its final answer. The fingerprint is an HMAC,
 * not a plain hash: bodies hold codes and PINs, and a short PIN under a plain hash is easily guessed.
 *
 * Transactions: claiming the key (with `start`, when given) is one; storing the answer (with `finish`,
 * when the work returns one) is another. A money step therefore needs two durable commits: one before the
 * provider is called, one after it answered, and never a transaction open across the provider call.
 */
export async function runIdempotent<T, S = undefined>(
  deps: Deps,
  req: KeyedRequest,
  steps: IdempotentSteps<S, T> | ((handle: KeyHandle) => Promise<WorkResult<T>>),
  options: IdempotentOptions = {},
): Promise<StoredOutcome<T>> {
  const { start, work, claimFirst } =
    typeof steps === "function" ? { start: undefined, work: steps, claimFirst: undefined } : steps;
  const accountId = req.ctx.account.id;
  const fingerprint = deps.sealer.hmac(
    "idempotency",
    req.route,
    canonicalJson({ params: req.params ?? {}, body: req.body }),
  );
  const context = `idempotency:${accountId}:${req.key}`;
  const now = deps.now();

  type Claim =
    | { kind: "claimed"; handle: KeyHandle; started?: { value: S } }
    | { kind: "refused"; problem: HttpProblem }
    | { kind: "done"; row: IdempotencyRow };
  const newKey = { accountId, key: req.key, route: req.route, fingerprint, lockedUntil: after(now, deps.leaseMs), now };
  /** The usual claim, in a transaction: a new key, or what an earlier request under it left. */
  const claimInTransaction = async (tx: Transaction): Promise<Claim> => {
    const { inserted, row } = await insertOrLockKey(tx, newKey);
    if (!inserted) {
      if (row.fingerprint !== fingerprint) {
        return {
          kind: "refused",
          problem: new HttpProblem("IDEMPOTENCY_CONFLICT", "This Idempotency-Key was used with another request."),
        };
      }
      if (row.state === "done") return { kind: "done", row };
      if (row.lockedUntil && row.lockedUntil > now) {
        return {
          kind: "refused",
          problem: new HttpProblem("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running.", {
            retryAfterSeconds: 1,
          }),
        };
      }
      // A crashed request's lease ran out, or an earlier attempt left a pending resource: take over.
      await setKeyLease(tx, accountId, req.key, after(now, deps.leaseMs));
    }
    const handle: KeyHandle = { resourceId: inserted ? null : row.resourceId, keepOnFailure: false };
    if (!start || handle.resourceId !== null) return { kind: "claimed", handle };
    try {
      return { kind: "claimed", handle, started: { value: await start(tx, handle) } };
    } catch (error) {
      if (!isHttpProblem(error)) throw error;
      // The answer is this problem: settle the key in this same transaction (what start wrote stays).
      await settleKeyIn(tx, deps, accountId, req.key, handle, error);
      return { kind: "refused", problem: error };
    }
  };
  const claimedFirst = claimFirst ? await claimFirst((resourceId) => insertKeyWrite(newKey, resourceId)) : null;
  const claim: Claim = claimedFirst
    ? { kind: "claimed", handle: { resourceId: null, keepOnFailure: false }, started: claimedFirst }
    : await deps.db.transaction(claimInTransaction);

  if (claim.kind === "refused") throw claim.problem;
  if (claim.kind === "done") {
    const { row } = claim;
    const body = row.sealedBody ? JSON.parse(deps.sealer.open(row.sealedBody, context)) : row.body;
    if (row.isError) throw problemFromStored(body as Problem);
    return { status: row.status ?? 200, body: body as T, replayed: true };
  }

  const { handle } = claim;
  // What is stored under the key for an answer: its body, sealed when it holds a secret.
  const keyAnswer = (result: Answer<T>): KeyAnswer => {
    const stored = { accountId, key: req.key, status: result.status, isError: false, now: deps.now() };
    return options.sealed
      ? { ...stored, sealedBody: deps.sealer.seal(JSON.stringify(result.body), context) }
      : { ...stored, body: result.body };
  };
  const store = (tx: Queryable, result: Answer<T>) => completeKey(tx, keyAnswer(result));
  const failed = async (error: unknown): Promise<never> => {
    await settleKeyAfterFailure(deps, accountId, req.key, handle, error).catch((storeError: unknown) =>
      // The lease still frees the key in time; the client's answer is the original failure.
      deps.logger.error({ err: storeError, route: req.route }, "could not settle an idempotency key"),
    );
    throw error;
  };

  let outcome: WorkResult<T>;
  try {
    outcome = await work(handle, claim.started?.value);
  } catch (error) {
    return failed(error);
  }
  const finishing = async (finish: (tx: Queryable) => Promise<Answer<T>>) =>
    deps.db.transaction(async (tx) => {
      const answer = await finish(tx);
      await store(tx, answer);
      return answer;
    });
  let result: Answer<T>;
  if ("finish" in outcome) {
    try {
      result = await finishing(outcome.finish);
    } catch (error) {
      return failed(error);
    }
  } else if ("write" in outcome) {
    const { answer } = outcome;
    const storeAnswer = completeKeyWrite(keyAnswer(answer), IF_FIRST_CHANGED);
    try {
      result = (await outcome.write(deps.db, storeAnswer)) ? answer : await finishing(outcome.otherwise);
    } catch (error) {
      return failed(error);
    }
  } else {
    const answer = outcome;
    await deps.db.transaction((tx) => store(tx, answer));
    result = answer;
  }
  return { ...result, replayed: false };
}

async function settleKeyAfterFailure(
  deps: Deps,
  accountId: string,
  key: string,
  handle: KeyHandle,
  error: unknown,
): Promise<void> {
  await deps.db.transaction((tx) => settleKeyIn(tx, deps, accountId, key, handle, error));
}

/** After a failure: keep the record for a retry to settle, store a final problem, or free the key. */
async function settleKeyIn(
  tx: Queryable,
  deps: Deps,
  accountId: string,
  key: string,
  handle: KeyHandle,
  error: unknown,
): Promise<void> {
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
}

/** Rebuilds the HttpProblem a stored problem body came from, so a replay answers exactly as the first did. */
export function problemFromStored(problem: Problem): HttpProblem {
  return new HttpProblem(problem.code, problem.detail, {
    status: problem.status,
    ...(problem.retryAfterSeconds !== undefined ? { retryAfterSeconds: problem.retryAfterSeconds } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  });
}
