/** The OpenAPI 3.1 document, made from the shared route table and zod contract (never written by hand). */
import { z } from "zod/mini";
import { codesRoutes, Problem, routes } from "../shared/index.ts";

const problemResponse = {
  description: "Problem (RFC 9457) with a code from the closed set",
  content: { "application/problem+json": { schema: z.toJSONSchema(Problem) } },
};

/** Query parameters from a zod object schema, one OpenAPI parameter per property. */
function queryParameters(schema: z.ZodMiniType) {
  const json = z.toJSONSchema(schema, { io: "input" }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries({ ...routes, ...codesRoutes })) {
    const path = route.path.replace(/:([a-zA-Z]+)/g, "{$1}");
    const params = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const headers = route.idempotent
      ? [
          {
            name: "Idempotency-Key",
            in: "header",
            required: true,
            schema: { type: "string", minLength: 1, maxLength: 255 },
          },
        ]
      : [];
    const query = "query" in route ? queryParameters(route.query) : [];
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: name,
      parameters: [...params, ...query, ...headers],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: z.toJSONSchema(route.body, { io: "input" }) } },
            },
          }
        : {}),
      security: [{ bearer: [] }],
      responses: {
        [route.status]: {
          description: "OK",
          content: { "application/json": { schema: z.toJSONSchema(route.response) } },
        },
        default: problemResponse,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "voucher-widget BFF", version: "1.0.0" },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}
