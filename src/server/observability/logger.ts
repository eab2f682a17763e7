/**
 * pino options for the BFF: structured logs with every place a PIN, code, token or secret could appear
 * redacted, so a log line never holds one even if someone logs a body by mistake.
 */
import type { LoggerOptions } from "pino";

export const redactPaths = [
  "req.headers.authorization",
  'req.headers["x-api-key"]',
  "*.pin",
  "*.code",
  "*.token",
  "*.access_token",
  "*.clientSecret",
  "*.client_secret",
  "*.password",
  "*.secret",
  "*.dataKey",
  "*.sessionSigningKey",
  "body",
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    // Query strings are dropped: ids are fine in paths, but nothing else belongs in a log line.
    serializers: {
      req: (req: { method: string; url: string; headers: Record<string, string> }) => ({
        method: req.method,
        url: req.url.split("?")[0],
        origin: req.headers?.origin,
      }),
    },
  };
}
