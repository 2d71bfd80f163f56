import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { LANGUAGE_HEADER } from "@/lib/i18n/request-language";
import { requestMyData } from "@/lib/signer-rights/request-my-data";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { submitSignature } from "@/lib/signatures/submit-signature";
import { createLetter, individual, latestConfirmToken, organization, signAndConfirm } from "../support/factories";

// A person's emails are written in the language they signed (or asked) in: the one
// proxy.ts negotiated for the page that posted, kept on the signature.

beforeAll(() => configureDatabase());

let address = 1;
/** A signing as the sign form's action makes it, with the headers the request arrived with. */
async function sign(slug: string, body: object, headers: Record<string, string>) {
  return submitSignature({ slug, body, headers: new Headers({ "x-forwarded-for": `198.51.100.${address++ % 250}`, ...headers }) });
}

const mailsTo = (to: string) => db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("the language a person signs in", () => {
  it("is stored on the signature, and the confirmation email is written in it, its links opening in it", async () => {
    const letter = await createLetter();
    const input = individual();
    await sign(letter.slug, input, { [LANGUAGE_HEADER]: "fr" });

    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id } });
    expect(signature.language).toBe("fr");
    const [mail] = await mailsTo(input.email);
    expect(mail.subject).toBe(`Confirmez votre signature : ${letter.title}`);
    expect(mail.html).toContain('lang="fr"');
    expect(mail.text).toContain("Bonjour Test Signer,");
    expect(mail.text).toMatch(/\/verify\/[A-Za-z0-9_-]{43}\?lang=fr/);
    expect(mail.text).toMatch(/\/withdraw\/[A-Za-z0-9_-]{43}\?reason=not-me&lang=fr/);
    // The token the link carries still confirms.
    await confirmSignature({ token: await latestConfirmToken(input.email) });
    expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).language).toBe("fr");
  });

  it("is English when nothing says otherwise, and never a language the product does not speak", async () => {
    const letter = await createLetter();
    const [plain, unknown] = [individual(), individual()];
    await sign(letter.slug, plain, {});
    await sign(letter.slug, unknown, { [LANGUAGE_HEADER]: "xx" });
    for (const input of [plain, unknown]) {
      const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, email: input.email } });
      expect(signature.language).toBe("en");
      expect((await mailsTo(input.email))[0].subject).toBe(`Confirm your signature: ${letter.title}`);
    }
  });

  it("follows Accept-Language on the JSON API, which proxy.ts does not see", async () => {
    const letter = await createLetter();
    const input = individual();
    await sign(letter.slug, input, { "accept-language": "es-ES, en;q=0.5" });
    expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).language).toBe("es");
    expect((await mailsTo(input.email))[0].subject).toBe(`Confirma tu firma: ${letter.title}`);
  });

  it("names the letter by its published translation's title, not a draft's", async () => {
    const letter = await createLetter();
    await db.letterTranslation.create({ data: { letterId: letter.id, language: "de", title: "Offener Brief zum Test", summary: "s", body: "b", status: "published" } });
    await db.letterTranslation.create({ data: { letterId: letter.id, language: "fr", title: "Brouillon", summary: "s", body: "b", status: "draft" } });
    const [german, french] = [individual(), individual()];
    await sign(letter.slug, german, { [LANGUAGE_HEADER]: "de" });
    await sign(letter.slug, french, { [LANGUAGE_HEADER]: "fr" });
    expect((await mailsTo(german.email))[0].subject).toBe("Bestätigen Sie Ihre Unterschrift: Offener Brief zum Test");
    expect((await mailsTo(french.email))[0].subject).toBe(`Confirmez votre signature : ${letter.title}`);
  });

  it("writes the already-signed email in the language of the new attempt", async () => {
    const letter = await createLetter();
    const input = individual();
    await signAndConfirm(letter, input);
    await sign(letter.slug, input, { [LANGUAGE_HEADER]: "ar" });
    const mail = (await mailsTo(input.email)).find((m) => m.template === "already-signed")!;
    expect(mail.subject).toBe(`لقد وقّعت من قبل: ${letter.title}`);
    expect(mail.html).toMatch(/<html[^>]* dir="rtl"/);
    expect(mail.text).toMatch(/\/withdraw\/[A-Za-z0-9_-]{43}\?lang=ar/);
  });

  it("writes an organisation's awaiting-review email, sent on confirming, in the language it signed in", async () => {
    const letter = await createLetter({ autoApproveMatchingDomain: false });
    const input = organization();
    await sign(letter.slug, input, { [LANGUAGE_HEADER]: "de" });
    await confirmSignature({ token: await latestConfirmToken(input.email) });
    const mail = (await mailsTo(input.email)).find((m) => m.template === "organization-awaiting-review")!;
    expect(mail.subject).toBe(`Eingegangen, wird geprüft: ${letter.title}`);
    expect(mail.text).toContain(`/letters/${letter.slug}?lang=de`);
  });
});

describe("a data request", () => {
  it("is answered in the language it was asked in, with a link that opens in it", async () => {
    const letter = await createLetter();
    const input = individual();
    await signAndConfirm(letter, input);
    await requestMyData({ email: input.email, ip: "203.0.113.77", language: "es" });
    const mail = (await mailsTo(input.email)).find((m) => m.template === "data-request")!;
    expect(mail.subject).toBe("Tus datos: consúltalos, descárgalos o bórralos");
    expect(mail.text).toContain("Con ella se ha firmado una carta.");
    expect(mail.text).toMatch(/\/my-data\/[A-Za-z0-9_-]{43}\?lang=es/);
  });
});
