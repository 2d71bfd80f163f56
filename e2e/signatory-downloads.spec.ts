import { expect, test, type Page } from "@playwright/test";
import { insertCountedSignatures } from "./admin-support";
import { createLetter, uniqueEmail } from "./support";

// Issue 11, item 13: the public list can be taken away as CSV, or read as JSON, from
// where it is shown: the letter page and its signatories page.

async function followDownloads(page: Page, { name, email, json }: { name: string; email: string; json: string }) {
  const downloads = page.getByTestId("signatory-downloads");
  const csvHref = await downloads.getByRole("link", { name: "CSV" }).getAttribute("href");
  const jsonHref = await downloads.getByRole("link", { name: "JSON" }).getAttribute("href");
  expect(jsonHref).toBe(json);

  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(name);
  expect(await csv.text()).not.toContain(email);

  const list = await page.request.get(jsonHref!);
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body.items.map((item: { name: string }) => item.name)).toContain(name);
  expect(JSON.stringify(body)).not.toContain(email);
}

test("the letter page and its signatories page link the list as CSV and as JSON", async ({ page }) => {
  const letter = createLetter();
  const signer = { name: "Listed Synthetic Signer", email: uniqueEmail("listed") };
  insertCountedSignatures(letter.id, [signer]);

  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByTestId("individual-signatories")).toContainText(signer.name);
  await expect(page.getByTestId("signatory-downloads").getByRole("link", { name: "CSV" })).toHaveAttribute("href", `/letters/${letter.slug}/signatories.csv`);
  await followDownloads(page, { ...signer, json: `/api/letters/${letter.slug}/signatures` });

  await page.goto(`/letters/${letter.slug}/signatories?kind=individual`);
  await expect(page.getByTestId("individual-signatories")).toContainText(signer.name);
  await followDownloads(page, { ...signer, json: `/api/letters/${letter.slug}/signatures?kind=individual` });
});
