// Walks the signing flow in a browser against a local install started with the local
// mailbox open (LOCAL_MAILBOX=on npm start, or npm run dev) and
// screenshots each step at phone and desktop widths.
// Usage: node --import tsx scripts/screenshot-flow.ts [baseUrl] [outDir]
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/chromium";

const [base = "http://localhost:3000", out = "screenshots"] = process.argv.slice(2);
const slug = "iti-statement-on-encryption";
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });

async function shot(page: Page, label: string, name: string) {
  const file = path.join(out, `${label}_flow_${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  const page = await browser.newPage({ viewport });
  const email = `flow-${label}-${Date.now()}@example.org`;
  await page.goto(`${base}/letters/${slug}#sign`);
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await page.locator("#sign").screenshot({ path: path.join(out, `${label}_flow_errors.png`) });
  await page.getByLabel("Full name").fill("Flow Screenshot (demo)");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Country", { exact: true }).selectOption("CA");
  await page.getByLabel(/I agree that my name/).check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  await shot(page, label, "check-email");
  await page.waitForTimeout(1500);
  await page.goto(`${base}/dev/mail`);
  await shot(page, label, "dev-mail");
  await page.getByText(email).first().click();
  await page.waitForTimeout(500);
  await shot(page, label, "dev-mail-message");
  const text = await page.getByTestId("mail-text").innerText();
  const link = text.match(/https?:\/\/\S+\/verify\/\S{43}/)![0];
  await page.goto(link);
  await shot(page, label, "verify");
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await page.getByRole("heading", { name: "Thank you for signing" }).waitFor();
  await shot(page, label, "thanks");
  await page.goto(`${base}/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
  await shot(page, label, "invalid-link");
  await page.close();
}
await browser.close();
