import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations, fillLetter, letterId } from "./a11y-support";
import { sql, timestamp } from "./db";
import { addTranslation, createLetter, type TestLetter } from "./support";

// The reading pages in the reader's language (issue 13, item 2): the letter page's map
// table, history, milestones and signatory lists, the signatories page, the home page and
// the embed builder, with numbers and dates as Intl writes them for the language, and a
// ?lang= the reader chose kept as they follow the links between them.

const dayIn = (language: string, day: string) =>
  new Intl.DateTimeFormat(language, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
const numberIn = (language: string, n: number) => new Intl.NumberFormat(language).format(n);
/** The five days fillLetter counts, oldest first. */
const filledDays = () => [4, 3, 2, 1, 0].map((back) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10));

/** A filled letter with a French and an Arabic translation, and more listed individuals than its page shows. */
function translatedLetter(): { letter: TestLetter; french: { title: string }; arabic: { title: string } } {
  const letter = createLetter();
  const french = addTranslation(letter, "fr");
  const arabic = addTranslation(letter, "ar");
  fillLetter(letterId(letter.slug));
  const now = timestamp();
  for (let i = 0; i < 21; i++) {
    const email = `more-${crypto.randomUUID().slice(0, 8)}@example.org`;
    sql(
      `INSERT INTO "Signature" ("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country", "listPublicly",
        "status", "consentAt", "createdAt", "updatedAt", "confirmedAt", "countedAt")
       VALUES (?, ?, 'individual', ?, ?, ?, 'example.org', 'DE', true, 'counted', ?, ?, ?, ?, ?)`,
      [`e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`, letter.id, `Further Signer ${i}`, email, email, now, now, now, now, now],
    );
  }
  return { letter, french, arabic };
}

const words = {
  fr: {
    country: "Pays",
    countryName: "Allemagne",
    milestones: "Étapes",
    goal: "signatures : l’objectif",
    report: "Signaler",
    more: "Voir plus de personnes →",
    signatories: "Signataires",
    embedHeading: "Intégrer le compteur en direct",
    embedTheme: "Thème",
    home: "Lettres ouvertes",
  },
  ar: {
    country: "البلد",
    countryName: "ألمانيا",
    milestones: "المحطات",
    goal: ": الهدف",
    report: "إبلاغ",
    more: "اعرض مزيدًا من الأفراد ←",
    signatories: "الموقّعون",
    embedHeading: "ضمّن العدّاد المباشر",
    embedTheme: "المظهر",
    home: "رسائل مفتوحة",
  },
} as const;

async function openHistoryTable(page: Page) {
  await page.getByTestId("history-chart").locator("summary").click();
  await expect(page.getByTestId("history-table")).toBeVisible();
}

for (const language of ["fr", "ar"] as const) {
  const say = words[language];

  test(`the letter page's map table, history, milestones and signatories are in ${language}, numbers and dates as Intl writes them`, async ({ page }) => {
    const { letter } = translatedLetter();
    await page.goto(`/letters/${letter.slug}?lang=${language}`);

    const table = page.getByTestId("country-table");
    await expect(table.getByRole("columnheader").first()).toHaveText(say.country);
    // Germany's row, named in the language
    const germany = table.getByRole("row", { name: new RegExp(say.countryName) });
    await expect(germany.getByRole("rowheader")).toHaveText(say.countryName);

    await openHistoryTable(page);
    const history = page.getByTestId("history-table");
    for (const day of filledDays()) await expect(history.getByRole("rowheader", { name: dayIn(language, day), exact: true })).toBeVisible();

    const milestones = page.getByTestId("milestones");
    await expect(milestones.getByRole("heading", { name: say.milestones })).toBeVisible();
    await expect(milestones).toContainText(say.goal);
    await expect(milestones).toContainText(dayIn(language, filledDays()[0]));
    // the next milestone, then the latest reached, written as the language writes numbers (1 000 in French)
    await expect(milestones.locator("strong").nth(0)).toHaveText(numberIn(language, 1000));
    await expect(milestones.locator("strong").nth(1)).toHaveText(numberIn(language, 500));

    const individuals = page.getByTestId("individual-signatories");
    await expect(individuals.getByRole("link", { name: say.report }).first()).toBeVisible();
    await expect(individuals).toContainText(say.countryName);
    const more = individuals.getByRole("link", { name: say.more });
    await expect(more).toHaveAttribute("href", new RegExp(`[?&]lang=${language}(&|$)`));

    await more.click();
    await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}/signatories\\?.*lang=${language}`));
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say.signatories);
    await expect(page.getByRole("link", { name: say.report }).first()).toHaveAttribute("href", new RegExp(`/report/.+\\?lang=${language}$`));
    await expectNoViolations(page, `the signatories page in ${language}`);
  });

  test(`a reader who chose ${language} in ?lang= keeps it from the letter to the embed builder, home and back`, async ({ page }) => {
    const { letter, ...titles } = translatedLetter();
    const title = language === "fr" ? titles.french.title : titles.arabic.title;
    await page.goto(`/letters/${letter.slug}?lang=${language}`);
    await expectNoViolations(page, `the letter page in ${language}`);

    await page.getByTestId("share").getByRole("link", { name: language === "fr" ? "Intégrez le compteur en direct" : "ضمّن العدّاد المباشر" }).click();
    await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}/embed\\?lang=${language}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say.embedHeading);
    await expect(page.getByLabel(say.embedTheme)).toBeVisible();
    // the snippet is code, whatever the page's language
    await expect(page.getByTestId("embed-snippet")).toContainText(`data-letter="${letter.slug}"`);
    await expectNoViolations(page, `the embed builder in ${language}`);

    await page.getByRole("navigation").first().getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/\\?lang=${language}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say.home);
    // the letter listed by its translated title, linked in the language
    const listed = page.getByRole("link", { name: title });
    await expect(listed).toHaveAttribute("href", `/letters/${letter.slug}?lang=${language}`);
    await expectNoViolations(page, `the home page in ${language}`);

    await listed.click();
    await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}\\?lang=${language}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
}

test("a reader whose browser asks for French gets French pages and links without a ?lang=", async ({ browser }) => {
  const { letter, french } = translatedLetter();
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.fr.home);
  await expect(page.getByRole("link", { name: french.title })).toHaveAttribute("href", `/letters/${letter.slug}`);
  await page.goto(`/letters/${letter.slug}/embed`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.fr.embedHeading);
  await expect(page.getByRole("link", { name: french.title })).toHaveAttribute("href", `/letters/${letter.slug}`);
  await context.close();
});
