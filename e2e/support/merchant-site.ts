/**
 * A stand-in for a merchant's own web server, on another origin than the BFF: it opens a session with
 * the merchant API key (server to server, as a real shop would) and serves a plain HTML page that embeds
 * the widget with one script tag. No build tooling is involved.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Pages the merchant site serves, each a plain HTML template filled per request. */
const templates: Record<string, string> = {
  "/checkout": readFileSync(new URL("../fixtures/plain-embed.html", import.meta.url), "utf8"),
  "/codes-admin": readFileSync(new URL("../fixtures/codes-admin.html", import.meta.url), "utf8"),
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startMerchantSite(
  bffUrl: string,
  apiKey: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const template = templates[url.pathname];
    if (!template) {
      res.writeHead(404).end("not found");
      return;
    }
    const terminalId = url.searchParams.get("terminal") ?? "web-shop";
    const session = await fetch(`${bffUrl}/api/v1/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ account: url.searchParams.get("account") ?? "jtl", terminalId }),
    });
    if (!session.ok) {
      res.writeHead(502).end(`session failed: ${session.status}`);
      return;
    }
    const { token } = (await session.json()) as { token: string };
    const html = template
      .replaceAll("{{BFF}}", escapeHtml(bffUrl))
      .replaceAll("{{TOKEN}}", escapeHtml(token))
      .replaceAll("{{AMOUNT}}", escapeHtml(url.searchParams.get("amount") ?? "42.50"))
      .replaceAll("{{CURRENCY}}", escapeHtml(url.searchParams.get("currency") ?? "EUR"))
      // `?locale=none`: no locale attribute at all, so the element goes by the browser's language.
      .replace(/\s+locale="\{\{LOCALE\}\}"/, (a) => (url.searchParams.get("locale") === "none" ? "" : a))
      .replaceAll("{{LOCALE}}", escapeHtml(url.searchParams.get("locale") ?? "en-GB"))
      .replaceAll("{{PAGE_SIZE}}", escapeHtml(url.searchParams.get("page-size") ?? "10"))
      .replaceAll("{{MODE}}", escapeHtml(url.searchParams.get("mode") ?? "redeem"))
      // `?split` turns on split tender: the placeholder attribute becomes the real one.
      .replaceAll('data-split="{{SPLIT}}"', url.searchParams.has("split") ? "split" : "")
      .replaceAll("{{ORDER}}", escapeHtml(url.searchParams.get("order") ?? `order-${Date.now()}`));
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
