// Takes screenshots of the main pages at phone and desktop widths, to look at by eye.
// Usage: node --import tsx scripts/screenshots.ts [baseUrl] [outDir] [path ...]
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/chromium";

const [base = "http://localhost:3000", out = "screenshots", ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ["/", "/letters/strong-encryption-open-letter", "/letters/iti-statement-on-encryption"];
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  for (const p of pages) {
    await page.goto(base + p, { waitUntil: "networkidle" });
    const file = path.join(out, `${label}${p.replace(/[^a-z0-9]+/gi, "_")}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
