import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestBff, TEST_API_KEY, type TestBff } from "../testing/test-bff.ts";
import { loggerOptions } from "./logger.ts";

const lines: string[] = [];
let bff: TestBff;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  bff = await startTestBff({ logger: pino(loggerOptions("trace"), sink) });
});
afterAll(() => bff?.close());

it("logs requests and problems without codes, PINs, tokens or keys", async () => {
  const seeded = await fetch(`${bff.simUrl}/__sim/vouchers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ amount: "10.00", currency: "EUR", status: "active", pin: "8642" }),
  });
  const { code } = (await seeded.json()) as { code: string };
  const token = await bff.token();
  for (const pin of ["1357", "2468", "8642"]) {
    await bff.app.inject({
      method: "POST",
      url: "/api/v1/holds",
      headers: { authorization: `Bearer ${token}`, "idempotency-key": `log-${pin}` },
      payload: { code, pin, amount: { amount: "1.00", currency: "EUR" } },
    });
  }
  const log = lines.join("");
  expect(log).toContain("/api/v1/holds");
  expect(log).toContain("VOUCHER_INVALID");
  for (const secret of [code, "8642", "1357", "2468", token, TEST_API_KEY, "demo-pos-secret"]) {
    expect(log).not.toContain(secret);
  }
});
