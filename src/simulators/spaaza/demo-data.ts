/**
 * Demo data for the Spaaza simulator. DEMO ONLY: these logins and voucher keys exist nowhere but in this
 * simulator; the launcher prints them so a person can try the widget at once.
 *
 * Currency ids follow Spaaza's own numbering (integers, not ISO-4217): every documented sample shows
 * `voucher_currency_id: 2` with the symbol "€". Id 3 for pounds is our ASSUMPTION. Accounts map ids to
 * ISO codes in their configuration.
 */
import { createHash } from "node:crypto";

/** The demo chain (the Resources API docs use 1743 as their example chain id). */
export const DEMO_CHAIN_ID = 1743;
/** A chain the demo logins have no access to. */
export const OTHER_CHAIN_ID = 2001;

export interface SpaazaCurrency {
  id: number;
  symbol: string;
  /** For the simulator's own console output only; Spaaza answers carry id and symbol. */
  iso: string;
}

export const currencies: readonly SpaazaCurrency[] = [
  { id: 2, symbol: "€", iso: "EUR" },
  { id: 3, symbol: "£", iso: "GBP" },
];

export interface DemoUser {
  userId: number;
  username: string;
  password: string;
  /** Admin logins have write access to these chains. */
  chains: readonly number[];
  /** Admin logins need a mailed passcode (API ≥ 1.5.8) unless exempt; POS service logins are exempt. */
  login2faExempt: boolean;
  label: string;
}

/** DEMO ONLY. Two tills (to show a lock held by another login) and a back-office login that needs 2FA. */
export const demoUsers: readonly DemoUser[] = [
  {
    userId: 9001,
    username: "pos@demo-shop.example",
    password: "demo-pos-password",
    chains: [DEMO_CHAIN_ID],
    login2faExempt: true,
    label: "admin login for the POS (demo only, exempt from 2FA)",
  },
  {
    userId: 9002,
    username: "till2@demo-shop.example",
    password: "demo-till2-password",
    chains: [DEMO_CHAIN_ID],
    login2faExempt: true,
    label: "second till (demo only), to see a voucher locked by another login",
  },
  {
    userId: 9003,
    username: "office@demo-shop.example",
    password: "demo-office-password",
    chains: [DEMO_CHAIN_ID],
    login2faExempt: false,
    label: "back-office login that needs a mailed 2FA passcode (demo only; cannot be used by the BFF)",
  },
];

export interface DemoVoucher {
  label: string;
  id: number;
  /** 64 hex characters, derived from the label so they stay the same across restarts. */
  key: string;
  chainId: number;
  status: "generated" | "claimed" | "redeemed";
  /** Value in cents. */
  amount: number;
  currencyId: number;
  /** Days from start-up (or reset) until expiry; negative = already expired. */
  expiryDays: number;
}

const demoKey = (name: string) => createHash("sha256").update(`spaaza-demo:${name}`).digest("hex");

/** DEMO ONLY. One voucher per case the widget must handle. */
export const demoVouchers: readonly DemoVoucher[] = [
  ["claimed, 50.00 EUR", 44001, "claimed", 5000, 2, 365],
  ["generated (claimed automatically on redeem), 25.00 EUR", 44002, "generated", 2500, 2, 365],
  ["already redeemed, 20.00 EUR", 44003, "redeemed", 2000, 2, 365],
  ["expired yesterday, 30.00 EUR", 44004, "claimed", 3000, 2, -1],
  ["claimed, 40.00 GBP (another currency)", 44005, "claimed", 4000, 3, 365],
].map(([label, id, status, amount, currencyId, expiryDays]) => ({
  label: label as string,
  id: id as number,
  key: demoKey(String(id)),
  chainId: DEMO_CHAIN_ID,
  status: status as DemoVoucher["status"],
  amount: amount as number,
  currencyId: currencyId as number,
  expiryDays: expiryDays as number,
}));

/** DEMO ONLY. A voucher of a chain the demo logins cannot touch (Spaaza answers error 68). */
export const foreignVoucher: DemoVoucher = {
  label: "of another chain (permission denied), 10.00 EUR",
  id: 44009,
  key: demoKey("44009"),
  chainId: OTHER_CHAIN_ID,
  status: "claimed",
  amount: 1000,
  currencyId: 2,
  expiryDays: 365,
};
