/**
 * Migration 2: the one-live-hold index with the voucher first. With the account first, a hold looked up by
 * id within its account (every redeem, extend, release and read) could be planned on this index instead of
 * the primary key while the table had no statistics yet, as on a new database: a walk through every live
 * hold of the account (500 live holds: 1.3 ms instead of 0.05 ms per lookup, measured here). The same
 * columns keep the same rule and still arbitrate `ON CONFLICT (account_id, voucher_hmac)`; the voucher
 * lookups use both columns. Dropped and made again in the migration's transaction, so nothing is inserted
 * unchecked in between.
 */
export const schema0002 = /* sql */ `
DROP INDEX holds_one_live_per_voucher;
CREATE UNIQUE INDEX holds_one_live_per_voucher ON holds (voucher_hmac, account_id)
  WHERE state IN ('pending', 'active', 'redeeming');
`;
