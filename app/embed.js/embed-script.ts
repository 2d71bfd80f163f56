// embed.js: turns each `<script data-letter="slug">` that loads it into an iframe with
// the widget, right after the script tag, and keeps the frame as tall as the widget
// (the widget posts its height; only messages from our own frames are believed).
// Options come from data attributes: data-theme, data-lang, data-size, data-transparent.
// Plain ES2017 in a string so it is served exactly as written.
export const EMBED_SCRIPT = `(function () {
  "use strict";
  var WIDTHS = { small: 300, medium: 380, large: 460 };
  var HEIGHTS = { small: 170, medium: 280, large: 340 };
  var state = window.__openLettersEmbed || (window.__openLettersEmbed = { frames: [], listening: false });

  function mount(script) {
    if (script.getAttribute("data-open-letters-mounted")) return;
    script.setAttribute("data-open-letters-mounted", "1");
    var slug = script.getAttribute("data-letter");
    if (!slug) return;
    var origin = new URL(script.src, location.href).origin;
    var size = script.getAttribute("data-size") || "medium";
    if (!WIDTHS[size]) size = "medium";
    var query = new URLSearchParams();
    ["theme", "lang", "size", "transparent"].forEach(function (name) {
      var value = script.getAttribute("data-" + name);
      if (value) query.set(name, value);
    });
    var frame = document.createElement("iframe");
    frame.src = origin + "/embed/" + encodeURIComponent(slug) + (String(query) ? "?" + query : "");
    frame.title = script.getAttribute("data-title") || "Signature counter for an open letter";
    frame.setAttribute("scrolling", "no");
    frame.setAttribute("data-open-letters", slug);
    // Its own width, narrowed by a smaller container (a 100% width would collapse to
    // nothing inside a shrink-to-fit parent such as a flex item).
    frame.style.cssText = "display:block;border:0;width:" + WIDTHS[size] + "px;max-width:100%;height:" +
      HEIGHTS[size] + "px;overflow:hidden;background:transparent;color-scheme:normal";
    var place = function () {
      if (script.parentNode && script.parentNode !== document.head) script.parentNode.insertBefore(frame, script.nextSibling);
      else document.body.appendChild(frame);
    };
    if (document.body) place();
    else document.addEventListener("DOMContentLoaded", place);
    state.frames.push({ frame: frame, origin: origin });
  }

  if (!state.listening) {
    state.listening = true;
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (!data || data.type !== "open-letters:height" || typeof data.height !== "number") return;
      state.frames.forEach(function (entry) {
        if (entry.frame.contentWindow === event.source && entry.origin === event.origin) {
          entry.frame.style.height = Math.max(40, Math.min(2000, Math.ceil(data.height))) + "px";
        }
      });
    });
  }

  var scripts = document.querySelectorAll("script[data-letter]");
  for (var i = 0; i < scripts.length; i++) {
    if (/\\/embed\\.js(\\?|#|$)/.test(scripts[i].src)) mount(scripts[i]);
  }
})();
`;
