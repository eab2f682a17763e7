/**
 * Finding the voucher a call names, as the calling login may see it: unknown → 183 `voucher_not_found`
 * (404, ASSUMPTION: the docs show 183 only as a warning); a voucher of a chain the login has no write access
 * to → 68 `permission_denied_or_non_existent` (documented, HTTP 500).
 */
import type { DemoUser } from "./demo-data.ts";
import { E, SpaazaError } from "./errors.ts";
import type { SpaazaState, VoucherRecord } from "./state.ts";

export function findVoucher(
  state: SpaazaState,
  user: DemoUser,
  ref: { key?: string; id?: number },
  chainId?: number,
): VoucherRecord {
  const byKey = ref.key !== undefined ? state.findByKey(ref.key) : undefined;
  const byId = ref.id !== undefined ? state.vouchers.get(ref.id) : undefined;
  // Both given must name the same voucher.
  const voucher =
    ref.key !== undefined && ref.id !== undefined ? (byKey === byId ? byKey : undefined) : (byKey ?? byId);
  if (!voucher) throw new SpaazaError(E.notFound, "The voucher was not found.");
  if (!user.chains.includes(voucher.chainId) || (chainId !== undefined && chainId !== voucher.chainId)) {
    throw new SpaazaError(E.permission, "Permission denied or the object does not exist.");
  }
  return voucher;
}

/** Refuses vouchers that can no longer change: redeemed (terminal) or expired. */
export function requireUsable(state: SpaazaState, voucher: VoucherRecord): void {
  if (voucher.status === "redeemed") throw new SpaazaError(E.alreadyRedeemed, "The voucher has already been redeemed.");
  if (state.isExpired(voucher)) throw new SpaazaError(E.expired, "The voucher has expired.");
}
