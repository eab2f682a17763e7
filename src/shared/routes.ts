/**
 * Every v1 route in one table: method, path, what it takes and what it answers. The BFF registers and
 * documents routes from it; the browser client calls them through it. Paths use `:param` placeholders.
 */
import * as c from "./contract.schema.ts";

export const routes = {
  createSession: {
    method: "POST",
    path: "/api/v1/sessions",
    body: c.SessionRequest,
    response: c.SessionResponse,
    status: 201,
    idempotent: false,
  },
  capabilities: {
    method: "GET",
    path: "/api/v1/capabilities",
    body: null,
    response: c.CapabilitiesResponse,
    status: 200,
    idempotent: false,
  },
  checkVoucher: {
    method: "POST",
    path: "/api/v1/vouchers/check",
    body: c.CheckRequest,
    response: c.CheckResponse,
    status: 200,
    idempotent: false,
  },
  createHold: {
    method: "POST",
    path: "/api/v1/holds",
    body: c.HoldRequest,
    response: c.HoldResponse,
    status: 201,
    idempotent: true,
  },
  getHold: {
    method: "GET",
    path: "/api/v1/holds/:id",
    body: null,
    response: c.HoldResponse,
    status: 200,
    idempotent: false,
  },
  extendHold: {
    method: "POST",
    path: "/api/v1/holds/:id/extend",
    body: c.ExtendRequest,
    response: c.HoldResponse,
    status: 200,
    idempotent: false,
  },
  releaseHold: {
    method: "DELETE",
    path: "/api/v1/holds/:id",
    body: null,
    response: c.HoldResponse,
    status: 200,
    idempotent: false,
  },
  redeemHold: {
    method: "POST",
    path: "/api/v1/holds/:id/redeem",
    body: c.RedeemRequest,
    response: c.RedemptionResponse,
    status: 200,
    idempotent: true,
  },
  refundRedemption: {
    method: "POST",
    path: "/api/v1/redemptions/:id/refund",
    body: c.RefundRequest,
    response: c.RefundResponse,
    status: 201,
    idempotent: true,
  },
  issueVoucher: {
    method: "POST",
    path: "/api/v1/vouchers",
    body: c.IssueRequest,
    response: c.IssueResponse,
    status: 201,
    idempotent: true,
  },
} as const;

export type RouteName = keyof typeof routes;
export type RouteDef = (typeof routes)[RouteName];

/** Fills `:param` placeholders, encoding each value. */
export function routePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}
