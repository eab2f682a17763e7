/**
 * Every error leaves the BFF as `application/problem+json` with a code from the closed set: HttpProblems
 * as they are, Fastify's own 4xx (bad JSON, too large, wrong media type) as INVALID_REQUEST, and anything
 * else as INTERNAL without a stack trace (the stack goes to the log only).
 */
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { HttpProblem } from "../errors/http-problem.ts";

const fastifyDetails: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON: "The body is not valid JSON.",
  FST_ERR_CTP_EMPTY_JSON_BODY: "The body is empty but the content type says JSON.",
  FST_ERR_CTP_BODY_TOO_LARGE: "The body is too large.",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "Send the body as application/json.",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "The Content-Length does not match the body.",
};

/** Turns anything thrown into an HttpProblem. */
export function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const fastifyError = error as FastifyError;
  const status = fastifyError?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const detail = fastifyDetails[fastifyError.code] ?? "The request could not be read.";
    if (status === 429) return new HttpProblem("RATE_LIMITED", detail);
    return new HttpProblem("INVALID_REQUEST", detail, { status });
  }
  return new HttpProblem("INTERNAL", "Something went wrong on our side; nothing was charged twice. Try again.", {
    cause: error,
  });
}

/** Sends a problem, with Retry-After when the problem carries one. */
export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  if (problem.retryAfterSeconds !== undefined) reply.header("retry-after", String(problem.retryAfterSeconds));
  return reply.code(problem.status).type("application/problem+json").send(problem.toProblem());
}

/** Installs the error and not-found handlers. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = toHttpProblem(error);
    if (problem.status >= 500) request.log.error({ err: error, code: problem.code }, "request failed");
    else request.log.info({ code: problem.code, status: problem.status }, "request refused");
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new HttpProblem("NOT_FOUND", `No route for ${request.method} ${request.url.split("?")[0]}.`)),
  );
}
