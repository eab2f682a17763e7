/**
 * Serves the built widget at `/widget/` (any origin may load it as a module script: it holds no secret)
 * and the demo page with its static assets at `/`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** The demo page served under a strict Content-Security-Policy (public/embed/csp.html). */
export const STRICT_CSP_PAGE = "/embed/csp.html";
/** No `unsafe-inline`, no `unsafe-eval`: everything from this origin, as a careful merchant would set it. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'";

export interface StaticRouteDeps {
  /** Folder holding the widget build (voucher-widget.js and its chunks). */
  widgetDir: string;
  /** Repository root: index.html and public/ for the demo page; omitted when the demo is off. */
  demoRoot?: string;
}

export async function registerStaticRoutes(app: FastifyInstance, deps: StaticRouteDeps): Promise<void> {
  if (existsSync(deps.widgetDir)) {
    await app.register(fastifyStatic, {
      root: deps.widgetDir,
      prefix: "/widget/",
      decorateReply: false,
      cacheControl: false,
      setHeaders(res) {
        res.header("access-control-allow-origin", "*");
        res.header("cross-origin-resource-policy", "cross-origin");
        res.header("cache-control", "no-cache");
      },
    });
  } else {
    app.log.warn({ widgetDir: deps.widgetDir }, "widget build not found: run npm run build");
  }
  if (!deps.demoRoot) return;
  const publicDir = join(deps.demoRoot, "public");
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: "/",
    index: false,
    decorateReply: true,
    setHeaders(reply, path) {
      // The strict-CSP demo proves the widget needs no inline script or style and no eval.
      if (path.endsWith(STRICT_CSP_PAGE)) reply.header("content-security-policy", STRICT_CSP);
    },
  });
  app.get("/", (_request, reply) => reply.type("text/html").sendFile("index.html", deps.demoRoot as string));
}
