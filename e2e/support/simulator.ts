/** Test helpers that talk to a simulator's `/__sim/` routes (never the BFF's internals). */

export interface SeededVoucher {
  id: string;
  code: string;
  pin?: string;
}

/** Seeds a fresh JTL voucher so every test owns its own money. */
export async function seedJtlVoucher(voucher: {
  amount: string;
  currency?: string;
  pin?: string;
}): Promise<SeededVoucher> {
  const response = await fetch(`${process.env.E2E_SIM_JTL_URL}/__sim/vouchers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ currency: "EUR", status: "active", ...voucher }),
  });
  if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as SeededVoucher;
}

/** Reads a JTL voucher's remaining balance straight from the simulator (as the provider sees it). */
export async function jtlRemaining(id: string): Promise<string> {
  const response = await fetch(`${process.env.E2E_SIM_JTL_URL}/__sim/vouchers/${id}`);
  if (!response.ok) throw new Error(`reading voucher failed: ${response.status}`);
  const body = (await response.json()) as { remaining_amount: string };
  return body.remaining_amount;
}

/** Sets a simulator's faults (an empty object clears them); `simulator` names its `E2E_SIM_*_URL`. */
export async function setFaults(simulator: "JTL" | "SPAAZA", settings: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${process.env[`E2E_SIM_${simulator}_URL`]}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`setting faults failed: ${response.status} ${await response.text()}`);
}
