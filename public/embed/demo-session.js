// Shared by the embedding demos (public/embed/*.html): connects a widget to the BFF with a demo session
// token, as public/demo.js does on the main page. DEMO ONLY: a real page gets its token from its own
// server (POST /api/v1/sessions with the merchant's API key), never from a public route.

/** The demo account named in `?account=` (default: JTL, whose demo vouchers the embedding pages list). */
export function accountFromUrl() {
  return new URLSearchParams(location.search).get("account") ?? "jtl";
}

/** Asks the BFF (same origin as the page) for a demo session token. */
export async function demoSession(terminalId, account = accountFromUrl()) {
  const response = await fetch("/demo/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ account, terminalId }),
  });
  if (!response.ok) throw new Error(`demo session: HTTP ${response.status}`);
  return response.json();
}

/** Sets `api`, `token` and a `tokenProvider` (asked again when the token expires) on one widget. */
export async function connect(widget, terminalId = widget.dataset.terminal ?? "web-embed") {
  const account = accountFromUrl();
  const { token } = await demoSession(terminalId, account);
  widget.tokenProvider = async () => (await demoSession(terminalId, account)).token;
  widget.setAttribute("api", location.origin);
  widget.setAttribute("token", token);
}

const EVENTS = ["checked", "held", "expiring", "expired", "released", "redeemed", "issued", "error"];

/** Lists every widget event that reaches `document` in `list` (text only: details never become markup). */
export function logEvents(list) {
  for (const name of EVENTS) {
    document.addEventListener(`voucher-${name}`, (event) => {
      const entry = document.createElement("li");
      entry.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
      list.prepend(entry);
    });
  }
}
