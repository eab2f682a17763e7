/**
 * Tevalis's static header credentials. The public help pages only say the company is "provided in the
 * headers"; the names `CompanyID`, `GUID`, `DeveloperID` and the optional `GUID2` come from third-party
 * clients (ASSUMPTION, not authoritative). There is no token, session or expiry. Any mismatch answers
 * Web API's stock 401.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { unauthorized } from "./errors.ts";
import type { TevalisState } from "./state.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The company the request's headers authenticate. */
    tevalisCompanyId: number;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** onRequest hook for the API routes: every call carries the company's credentials. */
export function headerAuth(state: TevalisState) {
  return async (request: FastifyRequest): Promise<void> => {
    const companyText = header(request, "companyid");
    const guid = header(request, "guid");
    const developerId = header(request, "developerid");
    const guid2 = header(request, "guid2");
    const company = companyText && /^\d{1,9}$/.test(companyText) ? state.companies.get(Number(companyText)) : undefined;
    // GUIDs compare case-insensitively, as .NET's Guid type does.
    const ok =
      company !== undefined &&
      guid !== undefined &&
      sameSecret(guid, company.guid) &&
      developerId !== undefined &&
      state.developerIds.has(developerId) &&
      (guid2 === undefined || (company.guid2 !== undefined && sameSecret(guid2, company.guid2)));
    if (!ok) throw unauthorized();
    request.tevalisCompanyId = company.companyId;
  };
}
