/**
 * What the HTTP routes ask of the money services. Every method takes the authenticated request context;
 * bodies are already validated against the shared contract. Errors are HttpProblem.
 */
import type {
  Ability,
  CheckRequest,
  CheckResponse,
  ExtendRequest,
  HoldRequest,
  HoldResponse,
  IssueRequest,
  IssueResponse,
  RedeemRequest,
  RedemptionResponse,
  RefundRequest,
  RefundResponse,
} from "../../shared/index.ts";
import type { ProviderAdapter } from "../providers/port.ts";

/** An account as the services see it: its id, currency and provider adapter. */
export interface AccountRuntime {
  id: string;
  currency: string;
  adapter: ProviderAdapter;
}

export interface RequestContext {
  account: AccountRuntime;
  terminalId: string;
  abilities: readonly Ability[];
}

/** An answer that idempotent routes replay byte for byte: status and JSON body. */
export interface StoredOutcome<T> {
  status: number;
  body: T;
  /** True when this answer is a replay of an earlier request with the same key. */
  replayed: boolean;
}

export interface MoneyServices {
  check(ctx: RequestContext, req: CheckRequest): Promise<CheckResponse>;
  createHold(ctx: RequestContext, req: HoldRequest, idempotencyKey: string): Promise<StoredOutcome<HoldResponse>>;
  getHold(ctx: RequestContext, holdId: string): Promise<HoldResponse>;
  extendHold(ctx: RequestContext, holdId: string, req: ExtendRequest): Promise<HoldResponse>;
  releaseHold(ctx: RequestContext, holdId: string): Promise<HoldResponse>;
  redeem(
    ctx: RequestContext,
    holdId: string,
    req: RedeemRequest,
    idempotencyKey: string,
  ): Promise<StoredOutcome<RedemptionResponse>>;
  refund(
    ctx: RequestContext,
    redemptionId: string,
    req: RefundRequest,
    idempotencyKey: string,
  ): Promise<StoredOutcome<RefundResponse>>;
  issue(ctx: RequestContext, req: IssueRequest, idempotencyKey: string): Promise<StoredOutcome<IssueResponse>>;
  /** Marks holds past their expiry as expired (and erases their secrets); returns how many. */
  sweepExpired(): Promise<number>;
  /** Settles redemptions left pending by a lost answer or a crash; returns how many were settled. */
  reconcilePending(): Promise<number>;
}
