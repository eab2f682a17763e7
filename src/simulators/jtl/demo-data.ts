/**
 * Demo data for the JTL simulator. DEMO ONLY: these client credentials and voucher codes exist nowhere but
 * in this simulator; they are printed by the launcher so a person can try the widget at once.
 *
 * Codes are upper-case letters and digits without dashes (the widget strips case, spaces and dashes
 * before sending); PINs are numeric.
 */

/** OAuth scopes of the JTL API (granted per client group in JTL's admin UI). */
export const JTL_SCOPES = ["read", "read-lists", "read-secrets", "use", "manage", "update", "recharge"] as const;
export type JtlScope = (typeof JTL_SCOPES)[number];

export interface DemoClient {
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: readonly JtlScope[];
}

/** DEMO ONLY. `demo-pos` may do everything; `demo-reader` may only read, for scope tests. */
export const demoClients: readonly DemoClient[] = [
  { clientId: "demo-pos", clientSecret: "demo-pos-secret", name: "Demo POS (demo only)", scopes: JTL_SCOPES },
  { clientId: "demo-reader", clientSecret: "demo-reader-secret", name: "Demo reader (demo only)", scopes: ["read"] },
];

export interface DemoVoucher {
  /** What this voucher is for, printed by the launcher. */
  label: string;
  id: string;
  code: string;
  pin?: string;
  /** Initial value. */
  amount: string;
  currency: string;
  status: "active" | "inactive";
  /** Days from start-up (or reset) until `valid_until`; negative = already expired; null = no end. */
  validDays: number | null;
  /** Already spent through an earlier charge, so `remaining_amount` = amount − spent. */
  spent?: string;
}

/** DEMO ONLY. One voucher per case the widget must handle. */
export const demoVouchers: readonly DemoVoucher[] = [
  {
    label: "with PIN, 100.00 EUR",
    id: "DV000000000000PN",
    code: "DEMOPIN100EUR001",
    pin: "1234",
    amount: "100.00",
    currency: "EUR",
    status: "active",
    validDays: 365,
  },
  {
    label: "without PIN, 50.00 EUR",
    id: "DV000000000000NP",
    code: "DEMONOPIN50EUR01",
    amount: "50.00",
    currency: "EUR",
    status: "active",
    validDays: 365,
  },
  {
    label: "low balance, 2.50 of 20.00 EUR left",
    id: "DV000000000000LB",
    code: "DEMOLOWBALANCE01",
    amount: "20.00",
    currency: "EUR",
    status: "active",
    validDays: 365,
    spent: "17.50",
  },
  {
    label: "inactive (not yet sold), 25.00 EUR",
    id: "DV000000000000IN",
    code: "DEMOINACTIVE0001",
    amount: "25.00",
    currency: "EUR",
    status: "inactive",
    validDays: null,
  },
  {
    label: "expired yesterday, 30.00 EUR",
    id: "DV000000000000EX",
    code: "DEMOEXPIRED00001",
    amount: "30.00",
    currency: "EUR",
    status: "active",
    validDays: -1,
  },
  {
    label: "with PIN, 75.00 CHF (another currency)",
    id: "DV000000000000CH",
    code: "DEMOCHF75PIN0001",
    pin: "5678",
    amount: "75.00",
    currency: "CHF",
    status: "active",
    validDays: 365,
  },
];
