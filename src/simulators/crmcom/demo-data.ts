/**
 * Demo data for the CRM.COM simulator. DEMO ONLY: these users, numbers and secret numbers exist nowhere
 * but in this simulator; the launcher prints them so a person can try the widget at once.
 *
 * Voucher numbers are digits; secret numbers are seven digits like the documented sample ("0977835").
 */

export interface DemoUser {
  username: string;
  password: string;
  organisation: string;
  /** Units the user may log in to (`unit` is optional at login). */
  units: readonly string[];
}

/** DEMO ONLY. */
export const demoUsers: readonly DemoUser[] = [
  { username: "demo-pos", password: "demo-pos-password", organisation: "DEMO", units: ["DEMO-SHOP"] },
];

export type Classification = "ELECTRONIC_PAYMENT_VOUCHER" | "PRINTED_PAYMENT_VOUCHER";

export interface DemoVoucherType {
  id: string;
  name: string;
  alternative_code: string;
  value_options: "FIXED" | "VARIABLE";
  classification: Classification;
  /** Cents, for FIXED types. */
  fixedValue?: number;
  currency: string;
  /** How long a purchased voucher stays valid. */
  validityDays: number;
}

/** DEMO ONLY. `GIFTVAR` is the one the demo account sells (variable value). */
export const demoVoucherTypes: readonly DemoVoucherType[] = [
  {
    id: "8A1F00000000000000000000000000A1",
    name: "Gift eVoucher (variable value)",
    alternative_code: "GIFTVAR",
    value_options: "VARIABLE",
    classification: "ELECTRONIC_PAYMENT_VOUCHER",
    currency: "EUR",
    validityDays: 365,
  },
  {
    id: "8A1F00000000000000000000000000A2",
    name: "Gift eVoucher 25",
    alternative_code: "GIFT25",
    value_options: "FIXED",
    fixedValue: 2500,
    classification: "ELECTRONIC_PAYMENT_VOUCHER",
    currency: "EUR",
    validityDays: 365,
  },
  {
    id: "8A1F00000000000000000000000000A3",
    name: "Printed voucher 10",
    alternative_code: "PRINT10",
    value_options: "FIXED",
    fixedValue: 1000,
    classification: "PRINTED_PAYMENT_VOUCHER",
    currency: "EUR",
    validityDays: 365,
  },
];

export interface DemoAccountsReceivable {
  id: string;
  number: string;
  name: string;
  /** Cents in the AR's wallet (for `use_funds_from: WALLET`), or undefined for none. */
  wallet?: { id: string; number: string; balance: number };
}

/** DEMO ONLY. The shop's own AR buys the vouchers the till sells. */
export const demoAccountsReceivable: readonly DemoAccountsReceivable[] = [
  { id: "8A1F00000000000000000000000000B1", number: "ACR0000000001", name: "Demo Shop (demo only)" },
  {
    id: "8A1F00000000000000000000000000B2",
    number: "ACR0000000002",
    name: "Demo Customer (demo only)",
    wallet: { id: "8A1F00000000000000000000000000C2", number: "W0000000002", balance: 10_000 },
  },
];

export interface DemoEVoucher {
  label: string;
  number: string;
  secretNumber: string;
  /** Cents. */
  value: number;
  typeCode: string;
  state: "ACTIVATED" | "USED" | "CANCELLED";
  /** Days from start-up to the expiration date (negative: expired). */
  expiresInDays: number;
}

/** DEMO ONLY. One voucher per case the widget must handle. */
export const demoEVouchers: readonly DemoEVoucher[] = [
  {
    label: "activated",
    number: "4000000000000001",
    secretNumber: "0977835",
    value: 5000,
    typeCode: "GIFTVAR",
    state: "ACTIVATED",
    expiresInDays: 365,
  },
  {
    label: "activated (fixed-value type)",
    number: "4000000000000002",
    secretNumber: "1234567",
    value: 2500,
    typeCode: "GIFT25",
    state: "ACTIVATED",
    expiresInDays: 365,
  },
  {
    label: "already used",
    number: "4000000000000003",
    secretNumber: "7654321",
    value: 2000,
    typeCode: "GIFTVAR",
    state: "USED",
    expiresInDays: 365,
  },
  {
    label: "expired yesterday",
    number: "4000000000000004",
    secretNumber: "1111111",
    value: 3000,
    typeCode: "GIFTVAR",
    state: "ACTIVATED",
    expiresInDays: -1,
  },
  {
    label: "cancelled",
    number: "4000000000000005",
    secretNumber: "2222222",
    value: 1500,
    typeCode: "GIFTVAR",
    state: "CANCELLED",
    expiresInDays: 365,
  },
];
