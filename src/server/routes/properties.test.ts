/**
 * Bad input, property-based (fast-check): whatever a client sends to any route (random and contract-shaped
 * bodies with wrong fields, any headers, good and bad tokens, odd idempotency keys, unknown paths), the BFF
 * never answers 5xx and every refusal is `application/problem+json` with a code from the closed set.
 * Runs go through the real app, services, store and JTL adapter, against the simulator.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Problem, routes } from "../../shared/index.ts";
import { FUZZ_API_KEY, type FuzzBff, type KnownRows, seedKnownRows, startFuzzBff } from "./fuzz-bff.fixture.ts";
import {
  anyBody,
  authorization,
  bodyFor,
  contentType,
  idempotencyKey,
  pathId,
  query,
} from "./properties.arbitraries.ts";

let bff: FuzzBff;
let known: KnownRows;

beforeAll(async () => {
  bff = await startFuzzBff();
  known = await seedKnownRows(bff);
}, 60_000);
afterAll(() => {
  if (process.env.FUZZ_STATS) console.log([...seen].sort().join(" "));
  return bff?.close();
});

/** Runs per property: moderate by default; FC_RUNS=5000 for a long hunt. */
const runs = (numRuns: number) => ({ numRuns: Number(process.env.FC_RUNS ?? numRuns) });

type Method = "GET" | "POST" | "DELETE" | "PUT" | "PATCH" | "HEAD" | "OPTIONS";

const table = [
  ...Object.entries(routes).map(([name, r]) => ({ name, method: r.method as Method, path: r.path as string })),
  { name: "demoSession", method: "POST" as Method, path: "/demo/session" },
  // DESIGN §4's access-code admin paths, whether or not this build registers them.
  { name: "voucherCodes", method: "GET" as Method, path: "/api/v1/voucher-codes" },
  { name: "voucherCodes", method: "POST" as Method, path: "/api/v1/voucher-codes" },
  { name: "voucherCodes", method: "DELETE" as Method, path: "/api/v1/voucher-codes" },
];

interface Sent {
  method: Method;
  url: string;
  headers: Record<string, string>;
  body: { kind: "none" } | { kind: "json"; value: unknown } | { kind: "raw"; text: string };
}

async function send(sent: Sent) {
  const headers = { ...sent.headers };
  let payload: string | undefined;
  if (sent.body.kind === "json") {
    headers["content-type"] ??= "application/json";
    payload = JSON.stringify(sent.body.value);
  } else if (sent.body.kind === "raw") {
    payload = sent.body.text;
  }
  return bff.app.inject({ method: sent.method, url: sent.url, headers, ...(payload === undefined ? {} : { payload }) });
}

/** The whole claim: no 5xx, and every 4xx is a problem+json with a code of the closed set and its status. */
async function holds(sent: Sent): Promise<void> {
  const response = await send(sent);
  const where = `${sent.method} ${sent.url} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode < 400 || sent.method === "HEAD") {
    seen.add(String(response.statusCode));
    return;
  }
  expect(response.headers["content-type"], where).toMatch(/^application\/problem\+json/);
  const problem = Problem.safeParse(response.json());
  expect(problem.success, where).toBe(true);
  expect(problem.data?.status, where).toBe(response.statusCode);
  seen.add(problem.data?.code as string);
}

/** What the runs met (statuses of successes, codes of refusals), so the test can show it reached deep. */
const seen = new Set<string>();

function url(path: string, id: string, query: string): string {
  return path.replace(":id", encodeURIComponent(id)) + query;
}

describe("any input to any route", () => {
  it("random requests: never 5xx, refusals are problem+json from the closed set", async () => {
    const sentArb = fc.record({
      route: fc.constantFrom(...table),
      otherMethod: fc.option(fc.constantFrom<Method>("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"), {
        freq: 5,
      }),
      id: pathId(known.holdIds, known.redemptionIds),
      query,
      auth: authorization(bff.tokens),
      key: fc.option(idempotencyKey(), { freq: 3 }),
      origin: fc.option(fc.constantFrom("https://shop.example", "https://evil.example", "null"), { freq: 3 }),
      contentType: fc.option(contentType, { freq: 4 }),
      body: anyBody(),
    });
    await fc.assert(
      fc.asyncProperty(sentArb, async (r) => {
        const headers: Record<string, string> = {};
        if (r.auth !== undefined) headers.authorization = r.auth;
        if (r.key !== null) headers["idempotency-key"] = r.key;
        if (r.origin !== null) headers.origin = r.origin;
        if (r.contentType !== null) headers["content-type"] = r.contentType;
        const method = r.otherMethod ?? r.route.method;
        await holds({
          method,
          url: url(r.route.path, r.id, r.query),
          headers,
          body: method === "GET" || method === "HEAD" ? { kind: "none" } : r.body,
        });
      }),
      runs(300),
    );
  }, 120_000);

  it("contract-shaped bodies with wrong fields, on a good session and key: never 5xx", async () => {
    const sentArb = fc.constantFrom(...table.filter((r) => r.method !== "GET")).chain((route) =>
      fc.record({
        route: fc.constant(route),
        id: pathId(known.holdIds, known.redemptionIds),
        body: bodyFor(route.name, known.codes),
        key: fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,40}$/), fc.constantFrom("key-1", "key-2", "key-3")),
        scoped: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(sentArb, async (r) => {
        const token =
          r.route.name === "createSession" ? FUZZ_API_KEY : r.scoped ? bff.tokens.redeemOnly : bff.tokens.valid;
        await holds({
          method: r.route.method,
          url: url(r.route.path, r.id, ""),
          headers: { authorization: `Bearer ${token}`, "idempotency-key": r.key },
          body: { kind: "json", value: r.body },
        });
      }),
      runs(300),
    );
  }, 120_000);

  it("unknown paths and methods: NOT_FOUND as problem+json, never 5xx", async () => {
    const pathArb = fc.oneof(
      fc.webPath(),
      fc
        .array(fc.string({ maxLength: 12 }), { maxLength: 5 })
        .map((parts) => `/api/v1/${parts.map(encodeURIComponent).join("/")}`),
      fc.constantFrom(
        "/api",
        "/api/v2/holds",
        "/api/v1/holds/x/y/z",
        "/api/v1//holds",
        "/%2e%2e/etc/passwd",
        "/widget/../x",
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        pathArb,
        fc.constantFrom<Method>("GET", "POST", "DELETE", "PUT", "PATCH"),
        authorization(bff.tokens),
        async (path, method, auth) => {
          await holds({
            method,
            url: path.startsWith("/") ? path : `/${path}`,
            headers: auth === undefined ? {} : { authorization: auth },
            body: { kind: "none" },
          });
        },
      ),
      runs(150),
    );
  }, 60_000);

  it("the runs above reached past validation (so the properties are not vacuous)", () => {
    for (const reached of ["200", "201", "INVALID_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]) {
      expect(seen, reached).toContain(reached);
    }
  });
});
