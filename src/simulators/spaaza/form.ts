/**
 * Spaaza takes request parameters as `application/x-www-form-urlencoded` or `multipart/form-data` only
 * (query parameters for GET). JSON bodies are refused on the API: the parsers here turn form bodies into
 * plain records, and `formParams` refuses everything else. `/__sim/` routes keep Fastify's JSON parser.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { E, SpaazaError } from "./errors.ts";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function mediaType(request: FastifyRequest): string {
  return (
    String(request.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase() ?? ""
  );
}

/** Registers the two form parsers on the root instance. */
export function registerFormParsers(app: FastifyInstance): void {
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addContentTypeParser(
    "multipart/form-data",
    { parseAs: "buffer" },
    async (request: FastifyRequest, body: string | Buffer) => {
      // The WHATWG Response parses multipart for us; files are not parameters of any call we simulate.
      const headers = { "content-type": String(request.headers["content-type"]) };
      const form = await new Response(typeof body === "string" ? body : new Uint8Array(body), { headers })
        .formData()
        .catch(() => {
          throw new SpaazaError(E.parameter, "The multipart body could not be read.");
        });
      const fields: Record<string, string> = {};
      for (const [name, value] of form.entries()) if (typeof value === "string") fields[name] = value;
      return fields;
    },
  );
}

/** The form parameters of a PUT/POST call; JSON or other media types are refused. */
export function formParams(request: FastifyRequest): Params {
  const type = mediaType(request);
  const hasBody = request.body !== undefined && request.body !== null && request.body !== "";
  if (type ? !FORM_TYPES.includes(type) : hasBody) {
    throw new SpaazaError(E.contentType, "Requests must be multipart/form-data or application/x-www-form-urlencoded.");
  }
  return new Params((request.body as Record<string, string> | undefined) ?? {});
}

/** The query parameters of a GET call. */
export function queryParams(request: FastifyRequest): Params {
  return new Params((request.query as Record<string, string>) ?? {});
}

/** Reads typed parameters; a malformed one is error 278 naming the parameter (never its value). */
export class Params {
  constructor(readonly fields: Record<string, unknown>) {}

  has(name: string): boolean {
    const value = this.fields[name];
    return value !== undefined && value !== "";
  }

  string(name: string, required = false): string | undefined {
    if (!this.has(name)) {
      if (required) throw new SpaazaError(E.parameter, `The parameter ${name} is mandatory.`);
      return undefined;
    }
    const value = this.fields[name];
    if (typeof value !== "string") throw new SpaazaError(E.parameter, `The parameter ${name} must be given once.`);
    return value;
  }

  int(name: string, required = false): number | undefined {
    const text = this.string(name, required);
    if (text === undefined) return undefined;
    if (!/^\d{1,10}$/.test(text)) throw new SpaazaError(E.parameter, `The parameter ${name} must be an integer.`);
    return Number(text);
  }

  /** `voucher_key` or `voucher_id`: at least one is mandatory. */
  voucherRef(): { key?: string; id?: number } {
    const key = this.string("voucher_key");
    const id = this.int("voucher_id");
    if (key === undefined && id === undefined) {
      throw new SpaazaError(E.parameter, "One of the parameters voucher_key or voucher_id is mandatory.");
    }
    return { ...(key !== undefined ? { key } : {}), ...(id !== undefined ? { id } : {}) };
  }
}
