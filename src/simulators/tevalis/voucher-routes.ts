/**
 * The documented reads: `GetVoucherBySerial` (→ `VoucherSearchResultDto {Error, WebVoucher}`, active
 * vouchers only), `GetVoucherByID` (→ the DTO, active only) and `GetActiveVouchers` (the company's active
 * vouchers, no paging documented). Query keys match case-insensitively, as ASP.NET model binding does.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AspNetError, noResource } from "./errors.ts";
import { dotNetJson } from "./json.ts";
import type { TevalisState } from "./state.ts";
import { webVoucherDto } from "./views.ts";

/**
 * ASSUMPTION: Tevalis does not tell unknown from inactive (it searches active vouchers only); the wording
 * is ours. An adapter must not parse it.
 */
export const NOT_FOUND_ERROR = "No active voucher was found with this serial number.";

type Query = Record<string, string | string[] | undefined>;

/** The value of a query key matched case-insensitively; undefined when absent. */
export function queryValue(query: unknown, name: string): string | undefined {
  for (const [key, value] of Object.entries((query ?? {}) as Query)) {
    if (key.toLowerCase() === name.toLowerCase()) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Sends a body through the .NET-style serializer. */
export function sendDotNet(reply: FastifyReply, body: unknown, status = 200) {
  return reply.code(status).type("application/json; charset=utf-8").send(dotNetJson(body));
}

export function registerVoucherRoutes(app: FastifyInstance, state: TevalisState): void {
  app.get("/WebVouchers/GetVoucherBySerial", async (request: FastifyRequest, reply) => {
    const serial = queryValue(request.query, "SerialNo");
    // A missing parameter means no action matches in Web API's routing; an empty one binds as null.
    if (serial === undefined) throw noResource(request.url);
    const voucher = serial === "" ? undefined : state.findBySerial(request.tevalisCompanyId, serial);
    if (!voucher || !state.isActive(voucher)) return sendDotNet(reply, { Error: NOT_FOUND_ERROR, WebVoucher: null });
    return sendDotNet(reply, { Error: null, WebVoucher: webVoucherDto(state, voucher) });
  });

  app.get("/WebVouchers/GetVoucherByID", async (request: FastifyRequest, reply) => {
    const raw = queryValue(request.query, "VoucherID");
    if (raw === undefined) throw noResource(request.url);
    if (!/^-?\d{1,10}$/.test(raw) || Math.abs(Number(raw)) > 2_147_483_647) {
      throw new AspNetError(400, {
        Message: "The request is invalid.",
        MessageDetail:
          "The parameters dictionary contains a null entry for parameter 'VoucherID' of non-nullable type 'System.Int32'.",
      });
    }
    const voucher = state.vouchers.get(Number(raw));
    const visible = voucher && voucher.companyId === request.tevalisCompanyId && state.isActive(voucher);
    // ASSUMPTION: an unknown or inactive id answers `null` (Web API's answer for a null DTO).
    return sendDotNet(reply, visible ? webVoucherDto(state, voucher) : null);
  });

  app.get("/WebVouchers/GetActiveVouchers", async (request: FastifyRequest, reply) => {
    const active = [...state.vouchers.values()].filter(
      (v) => v.companyId === request.tevalisCompanyId && state.isActive(v),
    );
    return sendDotNet(
      reply,
      active.map((v) => webVoucherDto(state, v)),
    );
  });
}
