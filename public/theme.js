// Demo theme switch: `data-theme` on <html> picks the light or the dark brand theme in demo.css (both made
// only of --voucher-* custom properties and ::part() rules). `?theme=dark` opens a page in the dark theme;
// a #theme <select>, where the page has one, switches it and keeps the choice in the URL.

const THEMES = ["light", "dark"];

function apply(theme) {
  document.documentElement.dataset.theme = THEMES.includes(theme) ? theme : "light";
}

const select = document.getElementById("theme");
apply(new URLSearchParams(location.search).get("theme"));
if (select) {
  select.value = document.documentElement.dataset.theme;
  select.addEventListener("change", () => {
    apply(select.value);
    const url = new URL(location.href);
    url.searchParams.set("theme", select.value);
    history.replaceState(null, "", url);
  });
}
