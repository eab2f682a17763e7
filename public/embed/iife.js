// The IIFE demo: the widget came from a classic script (window.VoucherWidget); this only connects it.
import { connect } from "/embed/demo-session.js";

void connect(document.getElementById("iife-widget"));
