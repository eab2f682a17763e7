/**
 * Rows of `issued_vouchers`: vouchers sold through the BFF. Neither code nor PIN is kept here (only the
 * masked code and an HMAC); the one copy of the code is the sealed idempotency answer, for replays.
 */
import type { Queryable } from "./db.ts";

export interface NewIssued {
  id: string;
  accountId: string;
  terminalId: string;
  voucherHmac: string;
  maskedCode: string;
  amountMinor: number;
  currency: string;
  validUntil: Date | null;
  status: string;
  idempotencyKey: string;
  createdAt: Date;
}

/** Records an issued voucher. */
export async function insertIssued(q: Queryable, v: NewIssued): Promise<void> {
  await q.query(
    `INSERT INTO issued_vouchers (id, account_id, terminal_id, voucher_hmac, masked_code, amount_minor, currency,
       valid_until, status, idempotency_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      v.id,
      v.accountId,
      v.terminalId,
      v.voucherHmac,
      v.maskedCode,
      v.amountMinor,
      v.currency,
      v.validUntil,
      v.status,
      v.idempotencyKey,
      v.createdAt,
    ],
  );
}
