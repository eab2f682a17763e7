// The strict-CSP demo: lists every `securitypolicyviolation` the browser reports and shows the policy the
// page was served with (read back from the server, so the page cannot claim a policy it did not get).
import { connect, logEvents } from "/embed/demo-session.js";

const list = document.getElementById("violations");
const count = document.getElementById("violation-count");
let violations = 0;

document.addEventListener("securitypolicyviolation", (event) => {
  violations += 1;
  count.textContent = `${violations} violation${violations === 1 ? "" : "s"}.`;
  const entry = document.createElement("li");
  entry.textContent = `${event.violatedDirective}: ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`;
  list.append(entry);
});

fetch(location.href, { method: "HEAD" }).then((response) => {
  document.getElementById("policy").textContent = response.headers.get("content-security-policy") ?? "no policy";
});

logEvents(document.getElementById("event-log"));
void connect(document.getElementById("csp-widget"));
