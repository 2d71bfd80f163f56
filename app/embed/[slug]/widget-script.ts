import crypto from "node:crypto";

// The widget's only script, inline and allowed by its hash in the page's CSP. It polls
// the counts JSON with If-None-Match (a 304 costs the server nothing while counts stand
// still), redraws what changed, and tells the embedding page its height so embed.js
// can fit the frame. Plain JS in a string: it runs as written, untouched by the bundler.
export const WIDGET_SCRIPT = `(() => {
  const root = document.querySelector("[data-widget]");
  if (!root) return;
  const d = root.dataset;
  const s = JSON.parse(d.strings);
  const goal = Number(d.goal) || 0;
  const top = Number(d.top) || 0;
  const number = new Intl.NumberFormat(d.lang);
  const plural = new Intl.PluralRules(d.lang);
  let regions = null;
  try { regions = new Intl.DisplayNames([d.lang], { type: "region" }); } catch {}
  const place = (code, name) => { try { return (regions && regions.of(code)) || name; } catch { return name; } };
  const $ = (name) => root.querySelector("[data-" + name + "]");
  let etag = d.etag || null;

  function draw(c) {
    $("total").textContent = number.format(c.total);
    $("unit").textContent = s.units[plural.select(c.total)] || s.units.other;
    const bar = $("bar");
    if (bar && goal) {
      const percent = Math.min(100, Math.floor((c.total / goal) * 100));
      bar.firstElementChild.style.width = Math.max(percent, c.total > 0 ? 2 : 0) + "%";
      bar.setAttribute("aria-valuenow", String(Math.min(c.total, goal)));
      const text = (c.total >= goal ? s.goalReached : s.goal).replace("{percent}", number.format(percent)).replace("{goal}", number.format(goal));
      $("goal").textContent = text;
      bar.setAttribute("aria-label", text);
    }
    const list = $("countries");
    if (list) {
      list.replaceChildren(...c.countries.slice(0, top).map((row) => {
        const li = document.createElement("li");
        const name = document.createElement("span");
        const count = document.createElement("span");
        name.textContent = place(row.country, row.name);
        count.textContent = number.format(row.total);
        count.className = "n";
        li.append(name, count);
        return li;
      }));
      $("countries-block").hidden = c.countries.length === 0;
    }
    const split = $("split");
    if (split) split.textContent = number.format(c.individuals) + " " + s.individuals + " · " + number.format(c.organizations) + " " + s.organizations;
    const empty = $("empty");
    if (empty) empty.hidden = c.total > 0;
  }

  async function poll() {
    try {
      const response = await fetch("/api/letters/" + encodeURIComponent(d.slug) + "/counts", {
        headers: etag ? { "If-None-Match": etag } : {},
        cache: "no-store",
        credentials: "omit",
      });
      if (response.status === 200) {
        etag = response.headers.get("ETag");
        draw(await response.json());
      }
    } catch {}
    setTimeout(poll, document.hidden ? 30000 : 5000);
  }
  setTimeout(poll, 5000);

  const tell = () => {
    if (window.parent === window) return;
    const height = Math.ceil(root.getBoundingClientRect().height);
    window.parent.postMessage({ type: "open-letters:height", slug: d.slug, height }, "*");
  };
  new ResizeObserver(tell).observe(root);
  // A host that starts listening late (a page still hydrating) can ask again.
  window.addEventListener("message", (event) => {
    if (event.source === window.parent && event.data && event.data.type === "open-letters:measure") tell();
  });
  tell();
})();`;

export const WIDGET_SCRIPT_HASH = `'sha256-${crypto.createHash("sha256").update(WIDGET_SCRIPT).digest("base64")}'`;
