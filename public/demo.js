// Demo page wiring (plain JS, no build step). Gets a session token for each widget from the BFF's demo
// route, sets `api` and `token` on the widgets, keeps the POS due amount and terminal id in sync, and logs
// every widget event on the page. Served by the BFF next to index.html.

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

const account = document.getElementById("account");
const locale = document.getElementById("locale");
const status = document.getElementById("session-status");
const posDue = document.getElementById("pos-due");
const posTerminal = document.getElementById("pos-terminal");
const orderTotal = document.getElementById("order-total");
const log = document.getElementById("event-log");
const widgets = [...document.querySelectorAll("voucher-widget")];

/** Asks the BFF (same origin as this page) for a demo session token. */
async function demoSession(terminalId) {
  const response = await fetch("/demo/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ account: account.value, terminalId }),
  });
  if (!response.ok) throw new Error(`demo session: HTTP ${response.status}`);
  return response.json();
}

/** Connects one widget: a fresh token now, and a provider the widget calls when the token expires. */
async function connect(widget) {
  const terminalId = widget.dataset.terminal;
  const { token } = await demoSession(terminalId);
  widget.tokenProvider = async () => (await demoSession(terminalId)).token;
  widget.setAttribute("api", location.origin);
  widget.setAttribute("token", token);
}

async function connectAll() {
  status.textContent = `Connecting to account “${account.value}”…`;
  try {
    await Promise.all(widgets.map(connect));
    status.textContent = `Connected to account “${account.value}”.`;
  } catch (error) {
    status.textContent = `Could not get a demo session (${error.message}). Is the BFF running in demo mode?`;
  }
}

function applyLocale() {
  for (const widget of widgets) widget.setAttribute("locale", locale.value);
  document.documentElement.lang = locale.value.slice(0, 2);
  const amount = Number(orderTotal.dataset.amount);
  orderTotal.textContent = new Intl.NumberFormat(locale.value, { style: "currency", currency: "EUR" }).format(amount);
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
  void connect(widget).then(
    () => {
      status.textContent = `POS terminal is now “${id}”.`;
    },
    (error) => {
      status.textContent = `Could not switch the terminal (${error.message}).`;
    },
  );
});

document.getElementById("checkout-widget").setAttribute("order-ref", newOrderRef());
applyLocale();
void connectAll();
