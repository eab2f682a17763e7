// Demo page wiring (plain JS, no build step). Gets a session token for each widget from the BFF's demo
// route, sets `api` and `token` on the widgets, keeps the POS due amount and terminal id in sync, and logs
// every widget event on the page. Served by the BFF next to index.html. The account picker switches all
// widgets to another demo account (new tokens; each widget then shows what that account supports);
// `?account=mews` in the URL opens the page on that account.

const EVENTS = [
  "voucher-checked",
  "voucher-held",
  "voucher-expiring",
  "voucher-expired",
  "voucher-released",
  "voucher-redeemed",
  "voucher-issued",
  "voucher-error",
];
const MAX_LOG_ENTRIES = 100;

/**
 * DEMO ONLY: the demo vouchers each simulator seeds and prints on start, shown under the account picker so
 * a visitor can try the widget at once. Nothing secret (they exist only in the simulators). Accounts with
 * an empty list show no hint.
 */
const DEMO_CODES = {
  // src/simulators/jtl/demo-data.ts
  jtl: [
    { code: "DEMOPIN100EUR001", pin: "1234", note: "with PIN, 100.00 EUR" },
    { code: "DEMONOPIN50EUR01", note: "no PIN, 50.00 EUR" },
    { code: "DEMOLOWBALANCE01", note: "low balance, 2.50 EUR left" },
    { code: "DEMOINACTIVE0001", note: "inactive" },
    { code: "DEMOEXPIRED00001", note: "expired" },
    { code: "DEMOCHF75PIN0001", pin: "5678", note: "75.00 CHF, another currency" },
  ],
  // src/simulators/spaaza/demo-data.ts (Spaaza voucher keys are 64 hex characters: paste them)
  spaaza: [
    { code: "5c88b8e66fb87a89ea8e9224c45ad2d790aa5eb29cb84b2bee06327a85c0cad5", note: "claimed, 50.00 EUR" },
    { code: "3e2d15a420bcfbcf2fe9ae9638908c8dfafc6a7a840912af69ae0f3768c6f448", note: "generated, 25.00 EUR" },
    { code: "534972eabbc9f72a62e191ff1299a847f2dfa5d2eb8fe1608c7aa3a10a4bc46b", note: "already redeemed" },
    { code: "3fb5b290fd883bf5b6f5bd965e4a1167635c90a032fbf628035965f897ded9ba", note: "40.00 GBP, another currency" },
  ],
  // src/simulators/tevalis/demo-data.ts
  tevalis: [
    { code: "TEVDEMO25GBP0001", note: "25.00 GBP" },
    { code: "TEVDEMO50GBP0002", note: "50.00 GBP, never expires" },
    { code: "TEVDEMOSPENT0004", note: "spent (not active)" },
  ],
  // src/simulators/crmcom/demo-data.ts (the secret number plays the PIN; only the full value can be redeemed)
  crmcom: [
    { code: "4000000000000001", pin: "0977835", note: "50.00 EUR" },
    { code: "4000000000000002", pin: "1234567", note: "25.00 EUR" },
    { code: "4000000000000003", pin: "7654321", note: "already used" },
  ],
  // src/simulators/mews/demo-data.ts (access codes to private rates: no money)
  mews: [
    { code: "MEWSVALID0000001", note: "valid" },
    { code: "MEWSEXPIRED00001", note: "expired" },
    { code: "MEWSFUTURE000001", note: "not yet valid" },
  ],
};

const account = document.getElementById("account");
const locale = document.getElementById("locale");
const status = document.getElementById("session-status");
const posDue = document.getElementById("pos-due");
const posTerminal = document.getElementById("pos-terminal");
const orderTotal = document.getElementById("order-total");
const log = document.getElementById("event-log");
const widgets = [...document.querySelectorAll("voucher-widget")];
const demoCodes = document.getElementById("demo-codes");
/** Counts account switches, so a slow token for a previous account never lands on a widget. */
let generation = 0;

/** Asks the BFF (same origin as this page) for a demo session token for `name` (default: the picked account). */
async function demoSession(terminalId, name = account.value) {
  const response = await fetch("/demo/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ account: name, terminalId }),
  });
  if (!response.ok) throw new Error(`demo session: HTTP ${response.status}`);
  return response.json();
}

/** Connects one widget: a fresh token now, and a provider the widget calls when the token expires. */
async function connect(widget, mine = generation) {
  const terminalId = widget.dataset.terminal;
  const name = account.value;
  const { token } = await demoSession(terminalId, name);
  if (mine !== generation) return;
  widget.tokenProvider = async () => (await demoSession(terminalId, name)).token;
  widget.setAttribute("api", location.origin);
  // A token for another account makes the widget load that account's capabilities and start over.
  widget.setAttribute("token", token);
}

/**
 * Shows the access-code admin (<voucher-codes>, its own bundle, loaded only when needed) for accounts whose
 * capabilities include codes administration, and hides it for the others.
 */
async function connectCodesAdmin(mine) {
  const panel = document.getElementById("codes-panel");
  const { token } = await demoSession("back-office");
  const answer = await fetch("/api/v1/capabilities", { headers: { authorization: `Bearer ${token}` } });
  const { capabilities } = await answer.json();
  if (mine !== generation) return;
  panel.hidden = !capabilities.codesAdmin;
  if (panel.hidden) return;
  await import("/widget/voucher-codes.js");
  const admin = document.getElementById("codes-admin");
  admin.setAttribute("api", location.origin);
  admin.setAttribute("token", token);
}

async function connectAll() {
  const mine = ++generation;
  const name = account.value;
  status.textContent = `Connecting to account “${name}”…`;
  try {
    await Promise.all([...widgets.map((widget) => connect(widget, mine)), connectCodesAdmin(mine)]);
    if (mine === generation) status.textContent = `Connected to account “${name}”.`;
  } catch (error) {
    if (mine !== generation) return;
    status.textContent = `Could not get a demo session for “${name}” (${error.message}). Is the BFF running in demo mode?`;
  }
}

/** Groups a code in fours, as the widget shows it. */
function grouped(code) {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}

/** Lists the picked account's demo codes (built with text nodes: codes never become markup). */
function showDemoCodes() {
  const list = demoCodes.querySelector("ul");
  const codes = DEMO_CODES[account.value] ?? [];
  list.replaceChildren(
    ...codes.map(({ code, pin, note }) => {
      const item = document.createElement("li");
      const strong = document.createElement("code");
      strong.textContent = grouped(code);
      item.append(strong, pin ? ` PIN ${pin}` : "", note ? ` (${note})` : "");
      return item;
    }),
  );
  demoCodes.hidden = codes.length === 0;
}

/** Picks the account named in `?account=` when the page offers it. */
function accountFromUrl() {
  const wanted = new URLSearchParams(location.search).get("account");
  if (wanted && [...account.options].some((option) => option.value === wanted)) account.value = wanted;
}

/** Puts the picked language on every element and the page; "" leaves each to the browser's language. */
function applyLocale() {
  const tag = locale.value || navigator.languages?.[0] || navigator.language;
  for (const element of [...widgets, document.getElementById("codes-admin")]) {
    element.setAttribute("locale", locale.value);
  }
  document.documentElement.lang = tag.split("-")[0];
  const amount = Number(orderTotal.dataset.amount);
  orderTotal.textContent = new Intl.NumberFormat(tag, { style: "currency", currency: "EUR" }).format(amount);
}

/** A new checkout order reference per page load, so repeated demos do not share one. */
function newOrderRef() {
  return `WEB-${Date.now().toString(36).toUpperCase()}`;
}

function logEvent(event) {
  const entry = document.createElement("li");
  const section = event.target.closest("section")?.querySelector("h2")?.textContent ?? event.target.id;
  const time = new Date().toLocaleTimeString();
  entry.textContent = `${time}  ${event.type}  [${section}]  ${JSON.stringify(event.detail)}`;
  log.prepend(entry);
  while (log.children.length > MAX_LOG_ENTRIES) log.lastElementChild.remove();
}

for (const name of EVENTS) document.addEventListener(name, logEvent);
document.getElementById("clear-log").addEventListener("click", () => log.replaceChildren());

account.addEventListener("change", () => {
  for (const widget of widgets) widget.reset?.();
  const url = new URL(location.href);
  url.searchParams.set("account", account.value);
  history.replaceState(null, "", url);
  showDemoCodes();
  void connectAll();
});
locale.addEventListener("change", applyLocale);

posDue.addEventListener("input", () => {
  // The widget reads the due amount leniently ("18,90" or "18.90").
  document.getElementById("pos-widget").setAttribute("amount", posDue.value.trim());
});
posTerminal.addEventListener("change", () => {
  const widget = document.getElementById("pos-widget");
  const id = posTerminal.value.trim();
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(id)) {
    status.textContent = "Terminal ID: 1–64 letters, digits or . _ : -";
    return;
  }
  widget.dataset.terminal = id;
  widget.reset?.();
  void connect(widget, generation).then(
    () => {
      status.textContent = `POS terminal is now “${id}”.`;
    },
    (error) => {
      status.textContent = `Could not switch the terminal (${error.message}).`;
    },
  );
});

document.getElementById("checkout-widget").setAttribute("order-ref", newOrderRef());
accountFromUrl();
showDemoCodes();
applyLocale();
void connectAll();
