/**
 * Bad input on the wire, property-based: raw bytes over a real socket, so what Node's HTTP parser refuses
 * before Fastify sees it (control characters in headers such as Idempotency-Key, broken request lines,
 * oversized headers) is covered too. The answer is never 5xx, and every refusal is problem+json.
 */
import net from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Problem, routes } from "../../shared/index.ts";
import { type FuzzBff, startFuzzBff } from "./fuzz-bff.fixture.ts";
import { idempotencyKey } from "./properties.arbitraries.ts";

let bff: FuzzBff;
let port: number;

beforeAll(async () => {
  bff = await startFuzzBff();
  port = Number(new URL(await bff.app.listen({ port: 0, host: "127.0.0.1" })).port);
}, 60_000);
afterAll(() => bff?.close());

/** Sends bytes on a fresh connection and reads until the server closes it (or 3 s pass). */
function exchange(request: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    // write, not end: a half-closed client may lose its answer; `Connection: close` ends the exchange.
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks)));
    socket.on("error", () => socket.destroy());
    socket.setTimeout(3000, () => socket.destroy());
  });
}

function check(answer: Buffer, method: string): void {
  const text = answer.toString("latin1");
  const where = text.slice(0, 300);
  const [head = "", body = ""] = text.split("\r\n\r\n", 2);
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]);
  expect(status, where).toBeGreaterThanOrEqual(100);
  expect(status, where).toBeLessThan(500);
  if (status < 400 || method === "HEAD") return;
  expect(/^content-type: application\/problem\+json/im.test(head), where).toBe(true);
  // A chunked body would start with its length; ours are small and sent with Content-Length.
  expect(Problem.safeParse(JSON.parse(body)).success, where).toBe(true);
}

const latin1 = (s: string) => Buffer.from(s, "latin1");
/** Header values: any byte but CR and LF (which would only re-frame the request, not corrupt it). */
const headerBytes = fc
  .array(
    fc.integer({ min: 0, max: 255 }).filter((b) => b !== 13 && b !== 10),
    { maxLength: 60 },
  )
  .map((bytes) => Buffer.from(bytes).toString("latin1"));
const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/);

describe("any bytes on the wire", () => {
  it("headers with any bytes (control characters included): never 5xx, refusals are problem+json", async () => {
    const paths = Object.values(routes).map((r) => r.path.replace(":id", "abc"));
    const requestArb = fc.record({
      method: fc.constantFrom("GET", "POST", "DELETE", "HEAD"),
      path: fc.constantFrom(...paths),
      headers: fc.array(
        fc.tuple(fc.oneof(token, fc.constantFrom("Idempotency-Key", "Authorization", "Origin")), headerBytes),
        {
          maxLength: 4,
        },
      ),
      key: fc.option(
        fc.oneof(
          idempotencyKey().filter((k) => !/[\r\n]/.test(k)),
          headerBytes,
        ),
      ),
      bigHeader: fc.option(fc.integer({ min: 17_000, max: 40_000 }), { freq: 10 }),
      body: fc.option(fc.jsonValue({ maxDepth: 2 })),
    });
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const body = r.body === null || r.method === "GET" || r.method === "HEAD" ? "" : JSON.stringify(r.body);
        const lines = [
          `${r.method} ${r.path} HTTP/1.1`,
          "Host: 127.0.0.1",
          `Authorization: Bearer ${bff.tokens.valid}`,
          ...r.headers.map(([name, value]) => `${name}: ${value}`),
          ...(r.key === null ? [] : [`Idempotency-Key: ${r.key}`]),
          ...(r.bigHeader === null ? [] : [`X-Big: ${"a".repeat(r.bigHeader)}`]),
          ...(body ? ["Content-Type: application/json", `Content-Length: ${Buffer.byteLength(body, "latin1")}`] : []),
          "Connection: close",
        ];
        check(await exchange(latin1(`${lines.join("\r\n")}\r\n\r\n${body}`)), r.method);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  }, 120_000);

  it("request lines that are not HTTP: a problem+json 400, never 5xx", async () => {
    const lineArb = fc.oneof(
      fc.string({ maxLength: 80 }).filter((s) => !/[\r\n]/.test(s)),
      headerBytes,
      fc.constantFrom("GET", "GET /", "GET / HTTP/9.9", "get /healthz http/1.1", "GET /api/v1/holds/a b HTTP/1.1"),
    );
    await fc.assert(
      fc.asyncProperty(lineArb, async (line) => {
        const answer = await exchange(latin1(`${line}\r\nHost: x\r\nConnection: close\r\n\r\n`));
        // An empty answer (the socket just closed) is allowed: nothing was understood, nothing was done.
        if (answer.length > 0) check(answer, "GET");
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  }, 120_000);
});
