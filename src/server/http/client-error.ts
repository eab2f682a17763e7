/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a control character in a header such as
 * Idempotency-Key, headers too large, a broken request line, a request that stalls) are answered as
 * `application/problem+json` INVALID_REQUEST too, instead of Fastify's default `application/json` body:
 * a client reads every refusal of this BFF the same way.
 */
import type { Socket } from "node:net";
import { HttpProblem } from "../errors/http-problem.ts";

const reasons: Record<string, { status: number; text: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    text: "Request Header Fields Too Large",
    detail: "The request headers are too large.",
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, text: "Request Timeout", detail: "The request took too long to arrive." },
};
const badRequest = { status: 400, text: "Bad Request", detail: "The request could not be read as HTTP." };

/** Fastify's `clientErrorHandler`: writes a problem+json answer on the raw socket and closes it. */
export function problemClientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const reason = reasons[error.code ?? ""] ?? badRequest;
  const body = JSON.stringify(new HttpProblem("INVALID_REQUEST", reason.detail, { status: reason.status }).toProblem());
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${reason.status} ${reason.text}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else {
    socket.destroy(error);
  }
}
