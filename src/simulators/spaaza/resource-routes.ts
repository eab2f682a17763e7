/**
 * Reading one voucher: `GET /resources/voucher/{id}` and `GET /resources/voucher?key=…` (Resources API).
 *
 * Why this call: it is the only documented read that finds a voucher by its key alone. `get-user-vouchers`
 * needs a `user_id` / `member_number` and answers a user's whole wallet, which a till scanning a voucher
 * does not know. Documented: the Resources API wants `X-Spaaza-Chain-ID` and `X-Spaaza-API-Version`
 * (≥ 1.6.1) beside the session headers, and answers the resource itself, not the `{result, results}`
 * envelope. ASSUMPTIONS: the identifier parameter for the key is `key`; errors use the classic error
 * envelope; a voucher of another chain than the header's is 68 like elsewhere.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { E, SpaazaError } from "./errors.ts";
import { queryParams } from "./form.ts";
import { findVoucher } from "./lookup.ts";
import type { SpaazaState } from "./state.ts";
import { resourceView } from "./views.ts";

const MIN_VERSION = [1, 6, 1];

function olderThanMinimum(version: string): boolean {
  const parts = version.split(".").map(Number);
  for (let i = 0; i < MIN_VERSION.length; i++) {
    const a = parts[i] ?? 0;
    const b = MIN_VERSION[i]!;
    if (a !== b) return a < b;
  }
  return false;
}

/** The Resources API's own headers; returns the chain id. */
function resourceHeaders(request: FastifyRequest): number {
  const version = String(request.headers["x-spaaza-api-version"] ?? "");
  if (!/^\d+(\.\d+){0,2}$/.test(version) || olderThanMinimum(version)) {
    throw new SpaazaError(E.apiVersion, "The Resources API needs X-Spaaza-API-Version 1.6.1 or later.");
  }
  const chain = String(request.headers["x-spaaza-chain-id"] ?? "");
  if (!/^\d{1,10}$/.test(chain)) throw new SpaazaError(E.parameter, "The header X-Spaaza-Chain-ID is mandatory.");
  return Number(chain);
}

export function registerResourceRoutes(app: FastifyInstance, state: SpaazaState): void {
  app.get<{ Params: { id: string } }>("/resources/voucher/:id", async (request) => {
    const chainId = resourceHeaders(request);
    if (!/^\d{1,10}$/.test(request.params.id)) throw new SpaazaError(E.notFound, "The voucher was not found.");
    return resourceView(state, findVoucher(state, request.spaazaUser, { id: Number(request.params.id) }, chainId));
  });

  app.get("/resources/voucher", async (request) => {
    const chainId = resourceHeaders(request);
    const params = queryParams(request);
    const key = params.string("key");
    const id = params.int("id");
    if (key === undefined && id === undefined) {
      throw new SpaazaError(E.parameter, "An identifier parameter (key or id) is mandatory.");
    }
    const ref = { ...(key !== undefined ? { key } : {}), ...(id !== undefined ? { id } : {}) };
    return resourceView(state, findVoucher(state, request.spaazaUser, ref, chainId));
  });
}
