/* Aisle chat launcher: a button in the corner of a shop's page that opens the assistant in a panel.
 *
 *   <script src="https://assistant.example.com/widget/embed.js" defer></script>
 *
 * Options (data- attributes on the script tag):
 *   data-src      widget URL (default: the server this script came from, path "/")
 *   data-label    button text (default "Ask Aisle", or "问问 Aisle" on a Chinese page)
 *   data-lang     "en" or "zh" for the launcher's own words (default: the page's <html lang>)
 *   data-color    button colour (default #0f766e)
 *   data-position "right" (default) or "left"
 *   data-open     "true" to open the panel on page load
 * The iframe loads only when the panel first opens, so pages that never use the chat pay nothing.
 * No other requests, cookies or globals besides `window.AisleWidget` (open(), close(), toggle()).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.AisleWidget) return;
  var data = script.dataset || {};
  var origin = new URL(script.src, window.location.href);
  var src = data.src || new URL("/", origin).toString();
  var color = data.color || "#0f766e";
  var side = data.position === "left" ? "left" : "right";
  var pageLang = (data.lang || document.documentElement.lang || navigator.language || "").toLowerCase();
  var words = pageLang.indexOf("zh") === 0
    ? {label: "问问 Aisle", dialog: "购物助手对话", close: "关闭对话", frame: "购物助手"}
    : {label: "Ask Aisle", dialog: "Shop assistant chat", close: "Close chat", frame: "Shop assistant"};
  var label = data.label || words.label;

  var css = [
    ".aisle-launch{position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;display:flex;align-items:center;gap:8px;",
    "border:0;border-radius:999px;padding:12px 18px;background:" + color + ";color:#fff;font:600 15px/1 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;",
    "box-shadow:0 8px 24px rgba(15,23,42,.25);cursor:pointer}",
    ".aisle-launch:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px " + color + "}",
    ".aisle-panel{position:fixed;bottom:84px;" + side + ":20px;z-index:2147483000;width:400px;height:min(680px,calc(100vh - 110px));",
    "border-radius:16px;overflow:hidden;background:#f6f7f9;box-shadow:0 18px 48px rgba(15,23,42,.3);display:none}",
    ".aisle-panel.is-open{display:block}",
    ".aisle-panel iframe{width:100%;height:100%;border:0;display:block}",
    ".aisle-close{position:absolute;top:10px;" + (side === "right" ? "right" : "left") + ":10px;display:none;width:32px;height:32px;border-radius:50%;",
    "border:0;background:rgba(15,23,42,.65);color:#fff;font:600 18px/32px system-ui,sans-serif;cursor:pointer;z-index:1}",
    "@media (max-width:480px){.aisle-panel{inset:0;width:auto;height:auto;border-radius:0;bottom:0}",
    ".aisle-panel.is-open~.aisle-launch{display:none}.aisle-close{display:block}}"
  ].join("");
  var style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);

  var panel = document.createElement("div");
  panel.className = "aisle-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", words.dialog);
  var close = document.createElement("button");
  close.className = "aisle-close";
  close.type = "button";
  close.setAttribute("aria-label", words.close);
  close.textContent = "×";
  panel.appendChild(close);

  var button = document.createElement("button");
  button.className = "aisle-launch";
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  button.innerHTML = '<svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" ' +
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.8' +
    'A8 8 0 1 1 21 12z"/></svg>';
  button.appendChild(document.createTextNode(label));

  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = src;
      frame.title = words.frame;
      frame.setAttribute("allow", "clipboard-write");
      panel.appendChild(frame);
    }
    panel.classList.add("is-open");
    button.setAttribute("aria-expanded", "true");
  }
  function hide() {
    panel.classList.remove("is-open");
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
  function toggle() { panel.classList.contains("is-open") ? hide() : open(); }
  button.addEventListener("click", toggle);
  close.addEventListener("click", hide);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && panel.classList.contains("is-open")) hide();
  });

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
    if (data.open === "true") open();
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
  window.AisleWidget = { open: open, close: hide, toggle: toggle };
})();
