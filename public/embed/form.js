// The form demo: the widget as a required form field. The submit handler stands in for the shop's server
// and shows what the form would send; the browser only fires `submit` once every field is valid.
import { connect } from "/embed/demo-session.js";

const form = document.getElementById("checkout-form");
const submitted = document.getElementById("submitted");

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const data = new FormData(form);
  submitted.textContent = `voucher=${data.get("voucher") ?? ""}`;
  submitted.dataset.holdId = String(data.get("voucher") ?? "");
});
form.addEventListener("reset", () => {
  submitted.textContent = "Nothing submitted yet.";
  delete submitted.dataset.holdId;
});

void connect(document.getElementById("form-widget"));
