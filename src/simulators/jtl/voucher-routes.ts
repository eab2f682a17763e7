/**
 * Voucher endpoints: read (without and with secrets), list its charges, create (inactive), update sku/batch
 * and set status.
 * `valid_until` stays null while a voucher is inactive and is computed from `validity_value` +
 * `validity_interval` on its first activation, as documented.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { fieldError, type JtlFieldError, notFound, ruleBroken, unprocessable } from "./errors.ts";
import { toCents, wholeSeconds } from "./format.ts";
import { type JtlState, type ValidityInterval, type VoucherRecord, validUntilFrom } from "./state.ts";
import { BodyCheck } from "./validate.ts";
import { chargeView, voucherView } from "./views.ts";

const INTERVALS = ["days", "weeks", "months", "years"] as const;

type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string> }>;

function voucherOf(state: JtlState, request: IdRequest): VoucherRecord {
  const voucher = state.vouchers.get(request.params.id);
  if (!voucher) throw notFound("VOUCHER");
  return voucher;
}

export function registerVoucherRoutes(app: FastifyInstance, state: JtlState): void {
  app.get("/v1/vouchers/:id", { config: { scope: "read" } }, async (request: IdRequest) =>
    voucherView(state, voucherOf(state, request)),
  );

  app.get("/v1/vouchers/:id/complete", { config: { scope: "read-secrets" } }, async (request: IdRequest) =>
    voucherView(state, voucherOf(state, request), true),
  );

  app.get("/v1/vouchers/:id/charges", { config: { scope: "read" } }, async (request: IdRequest) => {
    const voucher = voucherOf(state, request);
    const query = request.query;
    const scope = "VOUCHER.CHARGES";
    const errors: JtlFieldError[] = [];
    const positive = (name: string, fallback: number) => {
      const raw = query[name];
      if (raw === undefined) return fallback;
      if (!/^\d+$/.test(raw) || Number(raw) < 1)
        errors.push(fieldError(scope, name, "min:1", `The ${name} must be at least 1.`));
      return Number(raw);
    };
    const page = positive("page", 1);
    const perPage = positive("per_page", 25);
    const dates: Record<string, number> = {};
    for (const key of ["created_from", "created_to"]) {
      const raw = query[`filter[${key}]`];
      if (raw === undefined) continue;
      const ms = Date.parse(raw);
      if (Number.isNaN(ms)) errors.push(fieldError(scope, key, "date_format", `The ${key} must be RFC3339.`));
      dates[key] = ms;
    }
    if (errors.length) throw unprocessable(scope, errors);
    const orderNumber = query["filter[order_number]"];

    const all = state
      .chargesOf(voucher.id)
      .filter((c) => orderNumber === undefined || c.order_number === orderNumber)
      .filter((c) => dates.created_from === undefined || c.created_at >= dates.created_from)
      .filter((c) => dates.created_to === undefined || c.created_at <= dates.created_to);
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const path = `${request.protocol}://${request.host}/v1/vouchers/${voucher.id}/charges`;
    const link = (n: number) => {
      const params = new URLSearchParams({ ...query, page: String(n) });
      return `${path}?${params}`;
    };
    const from = slice.length ? (page - 1) * perPage + 1 : null;
    return {
      data: slice.map(chargeView),
      links: {
        first: link(1),
        last: link(lastPage),
        prev: page > 1 ? link(page - 1) : null,
        next: page < lastPage ? link(page + 1) : null,
      },
      meta: {
        current_page: page,
        per_page: perPage,
        from,
        to: from === null ? null : from + slice.length - 1,
        last_page: lastPage,
        total: all.length,
        path,
      },
    };
  });

  app.post("/v1/vouchers", { config: { scope: "manage" } }, async (request, reply) => {
    const scope = "VOUCHER.CREATE";
    const check = new BodyCheck(scope, request.body);
    const customId = check.string("id", { max: 255 });
    const code = check.string("code", { max: 255 });
    const pin = check.string("pin", { max: 255 });
    const sku = check.string("sku", { max: 255 });
    const batch = check.string("batch", { max: 30 });
    const amount = check.amount("amount", 0);
    const currency = check.currency("currency");
    const validityValue = check.integer("validity_value", 1);
    const validityInterval = check.string("validity_interval", { in: INTERVALS }) as ValidityInterval | undefined;
    check.requiredWith("validity_interval", "validity_value");
    check.requiredWith("validity_value", "validity_interval");
    const taxable = check.boolean("taxable");
    const taxRate = check.string("tax_rate", { max: 10 });
    const orderNumber = check.string("order_number", { max: 255 });
    const data = check.json("data");
    // The documented codes call the custom id `CUSTOM_ID`.
    if (customId !== undefined && state.vouchers.has(customId)) {
      check.errors.push(fieldError(scope, "custom_id", "unique", "The custom_id has already been taken."));
    }
    if (code !== undefined && state.codeTaken(code)) {
      check.errors.push(fieldError(scope, "code", "unique", "The code has already been taken."));
    }
    check.done();

    const voucher = state.addVoucher({
      ...(customId ? { id: customId } : {}),
      ...(code ? { code } : {}),
      pin: pin ?? null,
      sku: sku ?? null,
      batch: batch ?? null,
      amount: toCents(amount!),
      currency: currency!,
      validity_value: validityValue ?? null,
      validity_interval: validityInterval ?? null,
      status: "inactive",
      taxable: taxable ?? false,
      tax_rate: taxRate ?? null,
      order_number: orderNumber ?? null,
      data: data ?? null,
      client_id: request.jtlClientId,
    });
    // ASSUMPTION: the create answer carries the voucher without its secrets, like every voucher read
    // except `/complete`. JTL documents "OK" answers; we keep 200 here too.
    return reply.code(200).send(voucherView(state, voucher));
  });

  app.patch("/v1/vouchers/:id", { config: { scope: "update" } }, async (request: IdRequest) => {
    const voucher = voucherOf(state, request);
    const check = new BodyCheck("VOUCHER.UPDATE", request.body);
    const sku = check.string("sku", { max: 255 });
    const batch = check.string("batch", { max: 30 });
    check.done();
    if (sku !== undefined) voucher.sku = sku;
    if (batch !== undefined) voucher.batch = batch;
    voucher.updated_at = wholeSeconds(state.now());
    return voucherView(state, voucher);
  });

  app.patch("/v1/vouchers/:id/status", { config: { scope: "use" } }, async (request: IdRequest) => {
    const voucher = voucherOf(state, request);
    const scope = "VOUCHER.STATUS";
    const check = new BodyCheck(scope, request.body);
    const status = check.string("status", { required: true, in: ["active", "inactive"] });
    check.string("comment", { max: 255 });
    check.done();
    if (status === "active" && voucher.valid_until === null && voucher.validity_value && voucher.validity_interval) {
      voucher.valid_until = validUntilFrom(state.now(), voucher.validity_value, voucher.validity_interval);
    }
    if (status === "active" && state.isExpired(voucher)) {
      throw ruleBroken(scope, "voucher", "expired", "An expired voucher cannot be activated.");
    }
    voucher.status = status as VoucherRecord["status"];
    voucher.updated_at = wholeSeconds(state.now());
    return voucherView(state, voucher);
  });
}
