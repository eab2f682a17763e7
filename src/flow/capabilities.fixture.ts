/**
 * Test-only: the capability shapes of the DESIGN §1 rows, as the BFF publishes them
 * (`GET /api/v1/capabilities`), for reducer, controller and widget tests. Named after the kind of account,
 * not the provider: the widget must not care which provider it is.
 */
import type { Capabilities, CapabilitiesResponse, VoucherKind } from "../shared/contract.schema.ts";
import { type FlowRules, rulesFor } from "./offer.ts";

const none: Capabilities = {
  check: false,
  pin: "none",
  hold: false,
  holdKeptBy: null,
  holdTtl: null,
  extend: false,
  release: false,
  redeem: "none",
  refund: "none",
  issue: false,
  issueValidity: false,
  codesAdmin: false,
};

/** Every account shape in the table, with its voucher kind. */
export const accounts = {
  /** JTL: no check, hold first (the balance arrives with the hold), optional PIN, issue with validity. */
  holdFirst: {
    kind: "value",
    caps: {
      ...none,
      pin: "optional",
      hold: true,
      holdKeptBy: "provider",
      extend: true,
      release: true,
      redeem: "partial",
      refund: "partial",
      issue: true,
      issueValidity: true,
    },
  },
  /** Spaaza: check by code, no PIN, native lock with a TTL range, partial redeem, no issue. */
  checkFirst: {
    kind: "value",
    caps: {
      ...none,
      check: true,
      hold: true,
      holdKeptBy: "provider",
      holdTtl: { min: 120, max: 3600, default: 300 },
      extend: true,
      release: true,
      redeem: "partial",
    },
  },
  /** CRM.COM: check with the secret number, hold kept by this service, full value only, issue. */
  fullValue: {
    kind: "value",
    caps: {
      ...none,
      check: true,
      pin: "required",
      hold: true,
      holdKeptBy: "service",
      holdTtl: { min: 60, max: 3600, default: 900 },
      extend: true,
      release: true,
      redeem: "full",
      issue: true,
    },
  },
  /** Tevalis: check only (and issue), nothing to hold or redeem. */
  checkOnly: { kind: "value", caps: { ...none, check: true, issue: true, issueValidity: true } },
  /** Mews: access codes to private rates, no money; validity check only. */
  access: { kind: "access", caps: { ...none, check: true, codesAdmin: true } },
} satisfies Record<string, { kind: VoucherKind; caps: Capabilities }>;

export type AccountShape = keyof typeof accounts;

/** A whole capabilities answer for an account shape. */
export function capabilitiesFor(shape: AccountShape, currency = "EUR"): CapabilitiesResponse {
  const { kind, caps } = accounts[shape];
  return {
    account: shape,
    provider: "any",
    currency,
    voucherKind: kind as VoucherKind,
    terminalId: "T-1",
    abilities: ["redeem", "issue", "refund", "codes"],
    capabilities: caps as Capabilities,
    serverTime: "2030-01-01T12:00:00.000Z",
  };
}

/** The flow rules of an account shape. */
export function rulesOf(shape: AccountShape): FlowRules {
  return rulesFor(capabilitiesFor(shape));
}
