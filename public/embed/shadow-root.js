// <checkout-panel>: a stand-in for a shop's own web component with the voucher widget in its shadow root.
import { connect, logEvents } from "/embed/demo-session.js";

class CheckoutPanel extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = "/embed/checkout-panel.css";
    const title = document.createElement("h2");
    title.textContent = "Pay with a gift voucher";
    this.widget = document.createElement("voucher-widget");
    this.widget.dataset.terminal = "web-shadow";
    this.paid = document.createElement("p");
    this.paid.className = "paid";
    this.paid.setAttribute("role", "status");
    root.append(style, title, this.widget, this.paid);
    // Heard inside the shadow root, as the panel's own code would.
    this.widget.addEventListener("voucher-redeemed", (event) => {
      const { amount } = event.detail; // Money: {amount, currency}
      this.paid.textContent = `Paid ${amount.amount} ${amount.currency} by voucher.`;
    });
  }

  connectedCallback() {
    this.widget.setAttribute("amount", this.getAttribute("amount") ?? "24.00");
    void connect(this.widget);
  }
}

customElements.define("checkout-panel", CheckoutPanel);
logEvents(document.getElementById("event-log"));
