// Screenshots for the counts and embed work, to look at by eye: the letter page's map,
// charts and share box at phone and desktop widths, and the widget through embed.js on
// a host page, in both themes and transparent.
// Usage: node --import tsx scripts/screenshot-embed.ts [baseUrl] [slug] [outDir]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/chromium";

const [base = "http://localhost:3000", slug = "strong-encryption-open-letter", out = "screenshots"] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const shot = (name: string) => path.join(out, `${name}.png`);

for (const [label, width] of [["phone", 390], ["desktop", 1280]] as const) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${base}/letters/${slug}`, { waitUntil: "networkidle" });
  for (const [name, selector] of [["countries", "section[aria-labelledby=countries-heading]"], ["history", "section[aria-labelledby=history-heading]"], ["share", "[data-testid=share]"]]) {
    await page.locator(selector).screenshot({ path: shot(`${label}-${name}`) });
  }
  const country = page.locator("[data-testid=world-map] use[tabindex='0']").first();
  await country.focus();
  await page.locator("[data-testid=world-map]").screenshot({ path: shot(`${label}-map-focus`) });
  await page.goto(`${base}/letters/${slug}/embed`, { waitUntil: "networkidle" });
  await page.screenshot({ path: shot(`${label}-embed-page`), fullPage: true });
  await page.close();
}

const host = await browser.newPage({ viewport: { width: 1100, height: 800 } });
const widget = (attrs: string) => `<div style="padding:16px"><script src="${base}/embed.js" data-letter="${slug}" ${attrs} async></script></div>`;
// Served over http from another port: "frame-ancestors *" matches network schemes only
// (an about:blank page could not frame the widget), and Chromium keeps public origins
// from loading loopback resources, so the host page is on loopback too.
const hostPage =
  `<body style="margin:0;font-family:sans-serif"><div style="display:flex;flex-wrap:wrap;align-items:flex-start">
   <div style="background:#fff">${widget('data-theme="light"')}</div>
   <div style="background:#0c0a09">${widget('data-theme="dark"')}</div>
   <div style="background:#fef3c7">${widget('data-theme="light" data-size="large" data-transparent="1" data-lang="fr"')}</div>
   <div style="background:#1e293b">${widget('data-theme="dark" data-size="small" data-transparent="1"')}</div>
   </div></body>`;
const server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(hostPage));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
await host.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`, { waitUntil: "networkidle" });
await host.waitForTimeout(500);
await host.screenshot({ path: shot("widgets"), fullPage: true });
await browser.close();
server.close();
console.log(`screenshots in ${out}/`);
