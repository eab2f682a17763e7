/**
 * Fresh vouchers for every provider but JTL (that one is `seedJtlVoucher` in simulator.ts), seeded through
 * each simulator's `/__sim/` routes so every test owns its own money and codes.
 */
import { randomBytes, randomInt } from "node:crypto";

async function simPost<T>(base: string | undefined, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}/__sim/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A Spaaza voucher in the demo chain (currency id 2 = EUR); its code is the `voucher_key`. */
export const seedSpaazaVoucher = (amount: string) =>
  simPost<{ voucher_key: string }>(process.env.E2E_SIM_SPAAZA_URL, "vouchers", { amount, currency_id: 2 });

/** An activated CRM.COM voucher with its own secret number (the widget's PIN). */
export const seedCrmVoucher = (value: string) =>
  simPost<{ number: string; secret_number: string }>(process.env.E2E_SIM_CRMCOM_URL, "vouchers", {
    value,
    secret_number: String(randomInt(1_000_000, 10_000_000)),
  });

/** A Tevalis voucher of the demo site (GBP). */
export const seedTevalisVoucher = (value: string) =>
  simPost<{ SerialNumber: string }>(process.env.E2E_SIM_TEVALIS_URL, "vouchers", {
    serial: `E2E${randomBytes(6).toString("hex").toUpperCase()}`,
    value,
  });

/** A Mews access code on the demo's corporate voucher. */
export const seedMewsCode = (value = `A11Y${randomBytes(5).toString("hex").toUpperCase()}`) =>
  simPost<{ Id: string; Value: string }>(process.env.E2E_SIM_MEWS_URL, "voucher-codes", {
    value,
    voucherId: "f0a1b2c3-d4e5-4f60-8a7b-1c2d3e4f5a01",
  });
