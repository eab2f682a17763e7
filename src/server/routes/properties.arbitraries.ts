/**
 * fast-check arbitraries for the route property tests: bodies (random JSON, broken text, and contract-shaped
 * bodies where any field may be missing, mistyped or unexpected), idempotency keys and path ids, each
 * weighted towards the edges a real client gets wrong.
 */
import fc from "fast-check";
import { FUZZ_API_KEY } from "./fuzz-bff.fixture.ts";

/** A body: none, any JSON value, or text that may not be JSON at all. */
export function anyBody() {
  return fc.oneof(
    fc.constant({ kind: "none" as const }),
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: "json" as const, value })),
    fc.string({ maxLength: 200 }).map((text) => ({ kind: "raw" as const, text })),
    fc.constantFrom("{", "[1,", '{"a":', "null", "", "\u0000", `{"__proto__":{"x":1}}`, "1e999").map((text) => ({
      kind: "raw" as const,
      text,
    })),
    // Bodies just past Fastify's limit must be refused as a problem too.
    fc.integer({ min: 16 * 1024, max: 20 * 1024 }).map((n) => ({ kind: "raw" as const, text: `"${"x".repeat(n)}"` })),
  );
}

/** Authorization headers: none, every kind of session token (good and bad), the API key, and junk. */
export function authorization(tokens: Record<string, string> & { valid: string }) {
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      ...Object.values(tokens).map((t) => `Bearer ${t}`),
      `Bearer ${FUZZ_API_KEY}`,
      `bearer ${tokens.valid}`,
      `Basic ${Buffer.from("a:b").toString("base64")}`,
      "Bearer",
      "Bearer ",
      `Bearer ${tokens.valid}x`,
    ),
    fc.string({ maxLength: 300 }),
    fc.string({ maxLength: 300 }).map((s) => `Bearer ${s}`),
  );
}

/** Content-Type values, right and wrong. */
export const contentType = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.constantFrom("application/json", "text/plain", "*/*", "application/json; charset=latin1"),
);

/** A query string, usually none. */
export const query = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 40 }).map((s) => `?${encodeURIComponent(s)}=1`),
);

/** Idempotency keys: valid ones and the ones the contract refuses (empty, too long, control, non-ASCII). */
export function idempotencyKey() {
  return fc.oneof(
    fc.stringMatching(/^[\x21-\x7e]{1,255}$/),
    // A few keys used again and again, so some requests replay and some conflict.
    fc.constantFrom("key-1", "key-2", "key-3"),
    fc.constantFrom("", " ", "a".repeat(255), "a".repeat(256), "k\u0000", "k\u0007k", "k\u007f", "ключ", "k k", "\t"),
    fc.integer({ min: 256, max: 2000 }).map((n) => "k".repeat(n)),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 40 }),
  );
}

/** Ids for `:id`: real ones, near misses, and junk of any length. */
export function pathId(holdIds: readonly string[], redemptionIds: readonly string[]) {
  return fc.oneof(
    fc.constantFrom(...holdIds, ...redemptionIds),
    fc.constantFrom("", "abc", "hold_", "red_x", "..", "%", "a".repeat(64), "a".repeat(65), "null", "0"),
    fc.string({ maxLength: 100 }),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  );
}

const cents = fc
  .integer({ min: 1, max: 6000 })
  .map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`);
const amountText = fc.oneof(
  cents,
  fc.constantFrom("0.01", "0.00", "-1.00", "5", "5.0", "5.000", "1e3", " 5.00", "5,00", "NaN", "Infinity"),
  fc.constantFrom("99999999999.99", "999999999999.99", "9999999999999", "000000000005.00", "１.００"),
  fc.string({ maxLength: 20 }),
);
const currency = fc.oneof(fc.constantFrom("EUR", "eur", "USD", "JPY", "BHD", "XXX", "EURO", ""), fc.string());
const goodMoney = cents.map((amount) => ({ amount, currency: "EUR" }));
/** Money that is wrong in some way (or, by chance, right). */
const badMoney = fc.oneof(
  fc.record({ amount: amountText, currency: fc.constant("EUR") }),
  fc.record({ amount: cents, currency }),
  fc.record({ amount: fc.jsonValue({ maxDepth: 1 }), currency: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
);
const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: max }), fc.string({ minLength: max, maxLength: max + 20 }));

interface Shape {
  /** Each field's right values. */
  good: Record<string, fc.Arbitrary<unknown>>;
  /** Wrong values for fields where random JSON alone would rarely come close. */
  bad?: Record<string, fc.Arbitrary<unknown>>;
}

function shapes(codes: readonly string[]): Record<string, Shape> {
  const code = fc.oneof(
    fc.constantFrom(...codes),
    // As a person types it: lower case, in groups.
    fc.constantFrom(...codes).map((c) => c.toLowerCase().replace(/(.{4})/g, "$1 ")),
  );
  const ttl = fc.integer({ min: 60, max: 3600 });
  const badTtl = fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.double());
  return {
    createSession: {
      good: { account: fc.constant("jtl"), terminalId: fc.constantFrom("t-1", "till:2.a_b") },
      bad: { terminalId: text(64), scopes: fc.array(fc.string()), ttlSeconds: badTtl },
    },
    demoSession: { good: { account: fc.constant("jtl") }, bad: { account: fc.constantFrom("spaaza", "nope") } },
    checkVoucher: { good: { code }, bad: { code: text(255), pin: text(255) } },
    createHold: {
      good: { code, amount: goodMoney },
      bad: { code: text(255), amount: badMoney, ttlSeconds: badTtl, pin: text(255) },
    },
    extendHold: { good: { ttlSeconds: ttl }, bad: { ttlSeconds: badTtl } },
    redeemHold: { good: { orderRef: fc.constantFrom("order-1", "order-2") }, bad: { orderRef: text(100) } },
    refundRedemption: { good: { amount: goodMoney }, bad: { amount: badMoney } },
    issueVoucher: {
      good: { amount: goodMoney },
      bad: {
        amount: badMoney,
        validUntil: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
        note: text(255),
      },
    },
  };
}

/**
 * A body shaped like the route's request with at most a few things wrong: a field dropped, a field given
 * any JSON or a near-miss value, or a field the contract does not know. Codes are real ones, so bodies
 * that pass validation reach the provider (holds, VOUCHER_HELD, INSUFFICIENT_BALANCE, replays, conflicts).
 */
export function bodyFor(routeName: string, codes: readonly string[]): fc.Arbitrary<unknown> {
  const shape = shapes(codes)[routeName] ?? {
    good: {},
    bad: { items: fc.array(fc.jsonValue()), ids: fc.array(fc.string()) },
  };
  const names = [...new Set([...Object.keys(shape.good), ...Object.keys(shape.bad ?? {})])];
  const mutation = fc.oneof(
    fc.constant({ kind: "none" as const }),
    fc.record({ kind: fc.constant("drop" as const), name: fc.constantFrom(...names, "-") }),
    fc.record({
      kind: fc.constant("set" as const),
      name: fc.constantFrom(...names, "-"),
      value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), ...Object.values(shape.bad ?? {})),
    }),
    fc.record({
      kind: fc.constant("bad" as const),
      name: fc.constantFrom(...Object.keys(shape.bad ?? {}), "-"),
      value: fc.constant(null),
    }),
    fc.record({
      kind: fc.constant("extra" as const),
      name: fc.string({ maxLength: 10 }),
      value: fc.jsonValue({ maxDepth: 1 }),
    }),
  );
  // Own keys only: an extra field's random name may be "constructor" or "valueOf", which every object has.
  const bad = shape.bad ?? {};
  const badValue = (name: string) =>
    (Object.hasOwn(bad, name) ? bad[name] : undefined) ?? fc.jsonValue({ maxDepth: 2 });
  return fc
    .tuple(fc.record(shape.good), fc.array(mutation, { maxLength: 2 }))
    .chain(([body, mutations]) =>
      fc.tuple(
        fc.constant(body as Record<string, unknown>),
        fc.constant(mutations),
        ...mutations.map((m) => ("name" in m ? badValue(m.name) : fc.constant(null))),
      ),
    )
    .map(([body, mutations, ...bad]) => {
      const result: Record<string, unknown> = { ...body };
      mutations.forEach((m, i) => {
        if (m.kind === "drop") delete result[m.name];
        else if (m.kind === "set" || m.kind === "extra") result[m.name] = m.value;
        else if (m.kind === "bad") result[m.name] = bad[i];
      });
      return result;
    });
}
