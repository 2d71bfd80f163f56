import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import type { Staff } from "@/lib/auth/require-staff";
import { deliveryDocument } from "@/lib/deliveries/delivery-document";
import { startDeliveryDocument } from "@/lib/deliveries/start-delivery-document";
import { moderateSignatures } from "@/lib/moderation/moderate-signatures";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import type { SignatureInput } from "@/lib/validation/signature";
import { createLetter, individual, latestConfirmToken, organization } from "../support/factories";
import { pdfText, streamBytes } from "../support/pdf-text";

// The delivery document and the deliveries on a real database (SQLite, or PostgreSQL
// with TEST_POSTGRESQL_URL). The PDF is read back with pdfjs, as a reader's search would.

type Letter = Awaited<ReturnType<typeof createLetter>>;
const unique = () => crypto.randomUUID().slice(0, 8);
let admin: Staff;
let moderator: Staff;

beforeAll(async () => {
  await configureDatabase();
  const a = await db.user.create({ data: { email: `admin-${unique()}@example.org`, role: "admin" } });
  const m = await db.user.create({ data: { email: `mod-${unique()}@example.org`, role: "moderator" } });
  admin = { id: a.id, email: a.email, role: "admin" };
  moderator = { id: m.id, email: m.email, role: "moderator" };
});

async function sign(letter: Letter, input: SignatureInput, confirm = true) {
  await signLetter({ slug: letter.slug, input });
  if (confirm) await confirmSignature({ token: await latestConfirmToken(input.email) });
  return db.signature.findFirstOrThrow({ where: { letterId: letter.id, email: input.email } });
}

describe("the delivery document", () => {
  let letter: Letter;
  let pages: string[];
  let text: string;
  const emails: string[] = [];
  const listed = {
    organizations: ["Digital Rights Watch", "Ассоциация Свободного Интернета"],
    individuals: ["Ada Lovelace", "Σοφία Παπαδοπούλου", "Иван Петров", "ليلى أحمد"],
  };
  const unlisted = { unlisted: "Quiet Unlisted Signer", unconfirmed: "Never Confirmed Signer", hidden: "Hidden Spam Signer" };
  const now = new Date("2026-11-30T10:00:00Z");

  beforeAll(async () => {
    letter = await createLetter();
    await db.letter.update({
      where: { id: letter.id },
      data: { title: "Keep encryption strong", addressedTo: "The City Council", body: "## Why it matters\n\nWe ask the **Council** to protect encryption.\n\n- Secure messaging\n- Safe banking\n" },
    });
    const track = <T extends SignatureInput>(input: T) => (emails.push(input.email), input);
    for (const [i, name] of listed.organizations.entries()) {
      const org = await sign(letter, track(organization({ organizationName: name, name: `Contact ${i}`, country: i ? "RU" : "AU" })));
      await moderateSignatures({ actor: admin, ids: [org.id], action: "approve" });
    }
    const countries = ["GB", "GR", "RU", "EG"];
    for (const [i, name] of listed.individuals.entries()) {
      await sign(letter, track(individual({ name, country: countries[i], title: i === 0 ? "Mathematician" : undefined, affiliation: i === 0 ? "Analytical Society" : undefined })));
    }
    await sign(letter, track(individual({ name: unlisted.unlisted, listPublicly: false })));
    await sign(letter, track(individual({ name: unlisted.unconfirmed })), false);
    const spam = await sign(letter, track(individual({ name: unlisted.hidden })));
    await moderateSignatures({ actor: admin, ids: [spam.id], action: "hide" });

    const document = await deliveryDocument({ letterId: letter.id, now, batchSize: 2 });
    const bytes = await streamBytes(document.stream);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    pages = await pdfText(bytes);
    expect(pages).toHaveLength(document.pages);
    text = pages.join("\n");
  }, 60_000);

  it("opens with the title, the addressee, the date and the totals", () => {
    expect(pages[0]).toContain("Keep encryption strong");
    expect(pages[0]).toContain("To: The City Council");
    expect(pages[0]).toContain("30 November 2026");
    // 2 organisations and 5 individuals counted (the unlisted one counts, the hidden and the unconfirmed do not)
    expect(pages[0]).toMatch(/7\s*signatures/);
    expect(pages[0]).toContain("5 individuals and 2 organisations, from 6 countries");
  });

  it("prints the letter's text without its Markdown marks", () => {
    expect(text).toContain("Why it matters");
    expect(text).toContain("We ask the Council to protect encryption.");
    expect(text).not.toContain("**");
    expect(text).toContain("Secure messaging");
  });

  it("has a table of countries sorted by total", () => {
    const page = pages.slice(1).find((p) => p.includes("Signatures by country"))!;
    expect(page).toBeDefined();
    for (const header of ["Country", "Individuals", "Organisations", "Total"]) expect(page).toContain(header);
    // Russia has two (one of each kind); the others one each
    expect(page.indexOf("Russia")).toBeGreaterThan(-1);
    expect(page.indexOf("Russia")).toBeLessThan(page.indexOf("Australia"));
  });

  it("lists every listed name, organisations first, and nobody else, and no email", () => {
    const at = (name: string) => text.indexOf(name);
    for (const name of [...listed.organizations, ...listed.individuals.slice(0, 3)]) expect(at(name), name).toBeGreaterThan(-1);
    // pdfkit lays Arabic out left to right, shaped: its letters are there, not in reading order
    expect(text).toMatch(/[\u0600-\u06FF\uFE70-\uFEFF]/);
    expect(Math.max(...listed.organizations.map(at))).toBeLessThan(Math.min(...listed.individuals.slice(0, 3).map(at)));
    expect(text).toContain("Mathematician");
    expect(text).toContain("Analytical Society");
    for (const name of Object.values(unlisted)) expect(text).not.toContain(name);
    for (const name of ["Contact 0", "Contact 1"]) expect(text).not.toContain(name);
    for (const email of emails) expect(text).not.toContain(email);
    expect(text).not.toContain("@");
  });

  it("numbers every page out of the total", () => {
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it("is on record as delivery.document when an admin downloads it", async () => {
    const { stream, filename } = await startDeliveryDocument({ actor: admin, slug: letter.slug, now });
    await stream.cancel();
    expect(filename).toBe(`${letter.slug}-delivery-2026-11-30.pdf`);
    const entry = await db.auditLog.findFirstOrThrow({ where: { letterId: letter.id, action: "delivery.document" } });
    expect(entry).toMatchObject({ actorId: admin.id, targetType: "letter" });
    expect(JSON.parse(entry.detail)).toMatchObject({ listed: 6 });
  });
});
