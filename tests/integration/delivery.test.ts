import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import type { Staff } from "@/lib/auth/require-staff";
import { deliveryDocument } from "@/lib/deliveries/delivery-document";
import { deliveryPdf } from "@/lib/deliveries/delivery-pdf";
import { getDeliveryPhoto } from "@/lib/deliveries/get-delivery-photo";
import { deliveryPhotoPath, listDeliveries } from "@/lib/deliveries/list-deliveries";
import { draftDeliveryUpdate } from "@/lib/deliveries/draft-delivery-update";
import { recordDelivery } from "@/lib/deliveries/record-delivery";
import { recordDeliveryResponse } from "@/lib/deliveries/record-delivery-response";
import { updateDelivery } from "@/lib/deliveries/update-delivery";
import { whenLetterChanges } from "@/lib/memory/letter-changed";
import { startDeliveryDocument } from "@/lib/deliveries/start-delivery-document";
import { moderateSignatures } from "@/lib/moderation/moderate-signatures";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import {
  deliveryInputFromForm,
  deliveryInputSchema,
  deliveryPhotoProblem,
  deliveryResponseFromForm,
  deliveryResponseSchema,
} from "@/lib/validation/delivery";
import { signatureFieldErrors, type SignatureInput } from "@/lib/validation/signature";
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
    // Arabic is shaped (presentation forms) and set right to left: its letters are there
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

describe("the delivery document's pages", () => {
  it("keeps 'Page N of M' true when names are removed while it is written", async () => {
    const { stream, pages } = deliveryPdf({
      letter: { title: "A letter", kind: "open_letter", addressedTo: "", body: "Text.", language: "en" },
      date: new Date("2026-11-30T00:00:00Z"),
      counts: { total: 130, individuals: 130, organizations: 0, countries: [{ name: "France", individuals: 130, organizations: 0, total: 130 }] },
      listed: { organizations: 0, individuals: 130 },
      async *signatories() {
        yield Array.from({ length: 10 }, (_, i) => ({ name: `Synthetic Signer ${i}`, title: null, affiliation: null, website: null, country: "France" }));
      },
    });
    const text = await pdfText(await streamBytes(stream));
    expect(text).toHaveLength(pages);
    text.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages}`));
    expect(text.join("\n")).toContain("120 of the 130 listed when this document began were withdrawn or removed while it was written.");
  });
});

// A 1x1 PNG, and a 2x2 JPEG as a phone writes one: EXIF with the camera's owner, GPS
// and an orientation of 6 (turned a quarter), XMP with GPS again, and after its end a
// second picture's bytes (a "multi-picture" JPEG) naming the place once more.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PHONE_JPEG = (() => {
  const jpeg = Buffer.from(
    "/9j/4QFIRXhpZgAASUkqAAgAAAAIABIBAwABAAAAAQAAABoBBQABAAAAbgAAABsBBQABAAAAdgAAACgBAwABAAAAAgAAADsBAgANAAAAfgAAABMCAwABAAAAAQAAAGmHBAABAAAAjAAAACWIBAABAAAA2gAAAAAAAAA4YwAA6AMAADhjAADoAwAAQWRhIExvdmVsYWNlAAAGAACQBwAEAAAAMDIxMAGRBwAEAAAAAQIDAACgBwAEAAAAMDEwMAGgAwABAAAA//8AAAKgBAABAAAAAgAAAAOgBAABAAAAAgAAAAAAAAAEAAEAAgACAAAATgAAAAIABQADAAAAKAEAAAMAAgACAAAAVwAAAAQABQADAAAAEAEAAAAAAAAAAAAAAQAAAAcAAAABAAAAKAAAAAEAAAAzAAAAAQAAAB4AAAABAAAAAgAAAAEAAAD/4QD0aHR0cDovL25zLmFkb2JlLmNvbS94YXAvMS4wLwA8eDp4bXBtZXRhIHhtbG5zOng9ImFkb2JlOm5zOm1ldGEvIj48cmRmOlJERiB4bWxuczpyZGY9Imh0dHA6Ly93d3cudzMub3JnLzE5OTkvMDIvMjItcmRmLXN5bnRheC1ucyMiPjxyZGY6RGVzY3JpcHRpb24geG1sbnM6ZXhpZj0iaHR0cDovL25zLmFkb2JlLmNvbS9leGlmLzEuMC8iIGV4aWY6R1BTTGF0aXR1ZGU9IjUxLDMwLjAzTiIvPjwvcmRmOlJERj48L3g6eG1wbWV0YT7/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCeAGpH/9k=",
    "base64",
  );
  // its EXIF says orientation 1 (tag 0112, SHORT, one value); a phone held sideways writes 6
  const orientation = jpeg.indexOf(Buffer.from([0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01]));
  jpeg[orientation + 8] = 6;
  return new Uint8Array(Buffer.concat([jpeg, Buffer.from("\xff\xd8\xff\xe1 Exif GPSLatitude 51.5007 Ada Lovelace's home", "latin1")]));
})();

function deliveryForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

describe("recording deliveries and responses", () => {
  it("saves a delivery through the shared schema, on record and shown in the public list at once", async () => {
    const letter = await createLetter();
    const parsed = deliveryInputSchema.parse(
      deliveryInputFromForm(deliveryForm({ deliveredTo: "  The City Council ", deliveredOn: "2026-11-20", method: "in_person", link: "https://example.org/news", note: "" })),
    );
    expect(parsed).toMatchObject({ deliveredTo: "The City Council", method: "in_person", link: "https://example.org/news", note: undefined, removePhoto: false });
    const { id } = await recordDelivery({ actor: admin, slug: letter.slug, input: parsed, photo: PNG });

    const [delivery] = await listDeliveries({ letterId: letter.id });
    expect(delivery).toMatchObject({ id, deliveredTo: "The City Council", method: "in_person", link: "https://example.org/news", note: null, responseReceivedOn: null });
    expect(delivery.deliveredOn.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(deliveryPhotoPath(letter.slug, delivery)).toBe(`/letters/${letter.slug}/deliveries/${id}/photo/${delivery.photoDigest}`);
    expect(await getDeliveryPhoto({ letterId: letter.id, id, digest: delivery.photoDigest! })).toMatchObject({ type: "image/png" });
    expect(await getDeliveryPhoto({ letterId: letter.id, id, digest: "not-its-digest" })).toBeNull();

    const response = deliveryResponseSchema.parse(
      deliveryResponseFromForm(deliveryForm({ responseReceivedOn: "2026-11-27", responseFrom: "The Mayor", responseText: "Thank you.\n\nWe will reply in full." })),
    );
    expect(await recordDeliveryResponse({ actor: admin, slug: letter.slug, id, input: response })).toBe(true);
    const [answered] = await listDeliveries({ letterId: letter.id });
    expect(answered).toMatchObject({ responseFrom: "The Mayor", responseText: "Thank you.\n\nWe will reply in full." });

    const edited = deliveryInputSchema.parse({ deliveredTo: "The City Council of Example", deliveredOn: "2026-11-21", method: "post", removePhoto: true });
    expect(await updateDelivery({ actor: admin, slug: letter.slug, id, input: edited })).toBe(true);
    const [after] = await listDeliveries({ letterId: letter.id });
    expect(after).toMatchObject({ deliveredTo: "The City Council of Example", method: "post", link: null, photoDigest: null });

    const log = await db.auditLog.findMany({ where: { letterId: letter.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => entry.action)).toEqual(["delivery.record", "delivery.response", "delivery.update"]);
    expect(JSON.parse(log[2].detail).changed).toEqual(["deliveredTo", "deliveredOn", "method", "link", "photo"]);
  });

  it("rejects bad input with a message for each field", () => {
    const result = deliveryInputSchema.safeParse(
      deliveryInputFromForm(deliveryForm({ deliveredTo: " ", deliveredOn: "2026-02-30", method: "pigeon", link: "javascript:alert(1)" })),
    );
    expect(result.success).toBe(false);
    const fields = signatureFieldErrors(result.error!);
    expect(fields.deliveredTo).toEqual(["Delivered to is required."]);
    expect(fields.deliveredOn).toEqual(["Date of delivery is not a real date."]);
    expect(fields.method).toEqual(["Choose how the letter was delivered."]);
    expect(fields.link).toEqual(["Enter a full web address starting with https://, like https://example.org/news."]);

    const future = deliveryInputSchema.safeParse({ deliveredTo: "Council", deliveredOn: "2999-01-01", method: "post" });
    expect(signatureFieldErrors(future.error!).deliveredOn).toEqual(["Date of delivery cannot be in the future."]);
    const response = deliveryResponseSchema.safeParse({ responseReceivedOn: "", responseFrom: "", responseText: "" });
    expect(Object.keys(signatureFieldErrors(response.error!)).sort()).toEqual(["responseFrom", "responseReceivedOn", "responseText"]);
  });

  it("keeps only a JPEG, PNG or WebP photo of up to 2 MB, judged by its bytes", () => {
    expect(deliveryPhotoProblem(PNG)).toBeNull();
    expect(deliveryPhotoProblem(PHONE_JPEG)).toBeNull();
    // the right first bytes, but no image behind them
    const unreadable = "The photo could not be read. Save it again as a JPEG, PNG or WebP image and choose it again.";
    expect(deliveryPhotoProblem(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe(unreadable);
    expect(deliveryPhotoProblem(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe(unreadable);
    // an HTML page named photo.png is still HTML
    expect(deliveryPhotoProblem(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBe("The photo must be a JPEG, PNG or WebP image.");
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG);
    expect(deliveryPhotoProblem(big)).toBe("The photo must be at most 2 MB. Save it smaller and choose it again.");
  });

  it("serves the photo without where and by whom it was taken, still a JPEG turned the way it was taken", async () => {
    const letter = await createLetter();
    const input = deliveryInputSchema.parse({ deliveredTo: "Council", deliveredOn: "2026-11-20", method: "in_person" });
    const { id } = await recordDelivery({ actor: admin, slug: letter.slug, input, photo: PHONE_JPEG });
    const [delivery] = await listDeliveries({ letterId: letter.id });
    const photo = (await getDeliveryPhoto({ letterId: letter.id, id, digest: delivery.photoDigest! }))!;
    expect(photo.type).toBe("image/jpeg");
    const served = Buffer.from(photo.bytes);
    const original = Buffer.from(PHONE_JPEG);
    for (const secret of ["Ada Lovelace", "GPSLatitude", "51,30.03N", "xmpmeta"]) {
      expect(original.includes(secret)).toBe(true);
      expect(served.includes(secret)).toBe(false);
    }
    // EXIF's GPS position (51/1 30/1 2/1 as rationals) is gone with the rest of its EXIF
    expect(served.includes(Buffer.from([0x33, 0, 0, 0, 1, 0, 0, 0, 0x1e, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0]))).toBe(false);
    // a JPEG from its start to its end, and nothing after
    expect([...served.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...served.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(served.indexOf(Buffer.from([0xff, 0xd9]))).toBe(served.length - 2);
    // its pixels as they were (the scan, the tables), and an EXIF that says only "turned a quarter"
    expect(served.includes(original.subarray(original.indexOf(Buffer.from([0xff, 0xdb])), original.lastIndexOf(Buffer.from([0xff, 0xd9])) + 2))).toBe(true);
    expect(served.includes(Buffer.from([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6]))).toBe(true);
  });

  it("refuses a moderator: nothing recorded, nothing on record", async () => {
    const letter = await createLetter();
    const input = deliveryInputSchema.parse({ deliveredTo: "Council", deliveredOn: "2026-11-20", method: "post" });
    await expect(recordDelivery({ actor: moderator, slug: letter.slug, input })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    const { id } = await recordDelivery({ actor: admin, slug: letter.slug, input });
    await expect(updateDelivery({ actor: moderator, slug: letter.slug, id, input })).rejects.toMatchObject({ status: 403 });
    const response = { responseReceivedOn: new Date("2026-11-21"), responseFrom: "Council", responseText: "No." };
    await expect(recordDeliveryResponse({ actor: moderator, slug: letter.slug, id, input: response })).rejects.toMatchObject({ status: 403 });
    await expect(startDeliveryDocument({ actor: moderator, slug: letter.slug })).rejects.toMatchObject({ status: 403 });
    expect((await listDeliveries({ letterId: letter.id }))[0].responseReceivedOn).toBeNull();
    expect(await db.auditLog.count({ where: { letterId: letter.id, actorId: moderator.id } })).toBe(0);
  });

  it("tells every part of this process that the letter changed, so its page shows the delivery at once", async () => {
    const letter = await createLetter();
    const changes: string[] = [];
    whenLetterChanges("delivery-test", (change) => change.letterId === letter.id && changes.push(change.what));
    const input = deliveryInputSchema.parse({ deliveredTo: "Council", deliveredOn: "2026-11-20", method: "email" });
    const { id } = await recordDelivery({ actor: admin, slug: letter.slug, input });
    await recordDeliveryResponse({ actor: admin, slug: letter.slug, id, input: { responseReceivedOn: new Date("2026-11-22"), responseFrom: "Council", responseText: "Noted." } });
    expect(changes).toEqual(["letter", "letter"]);
  });

  it("writes a delivery, and then its response, as draft updates for admins to read and send; nothing goes out", async () => {
    const letter = await createLetter();
    const input = deliveryInputSchema.parse({ deliveredTo: "The Council", deliveredOn: "2026-11-20", method: "post" });
    const { id } = await recordDelivery({ actor: admin, slug: letter.slug, input });
    await expect(draftDeliveryUpdate({ actor: admin, slug: letter.slug, deliveryId: id, about: "response" })).rejects.toMatchObject({ code: "delivery_no_response", status: 409 });
    await expect(draftDeliveryUpdate({ actor: moderator, slug: letter.slug, deliveryId: id, about: "delivery" })).rejects.toMatchObject({ status: 403 });
    await expect(draftDeliveryUpdate({ actor: admin, slug: letter.slug, deliveryId: "not-a-delivery", about: "delivery" })).rejects.toMatchObject({ code: "delivery_not_found", status: 404 });

    const delivered = await draftDeliveryUpdate({ actor: admin, slug: letter.slug, deliveryId: id, about: "delivery" });
    // A response longer than an update may be is quoted in part, with the rest on the letter page.
    const longAnswer = "We thank you. ".repeat(1_400).trim();
    await recordDeliveryResponse({ actor: admin, slug: letter.slug, id, input: { responseReceivedOn: new Date("2026-11-27"), responseFrom: "The Chair", responseText: longAnswer } });
    const answered = await draftDeliveryUpdate({ actor: admin, slug: letter.slug, deliveryId: id, about: "response" });

    const drafts = await db.letterUpdate.findMany({ where: { letterId: letter.id }, orderBy: { createdAt: "asc" } });
    expect(drafts.map((draft) => [draft.id, draft.status])).toEqual([[delivered.id, "draft"], [answered.id, "draft"]]);
    expect(drafts[0].subject).toBe(`Delivered to The Council: “${letter.title}”`);
    expect(drafts[0].body).toContain("sent by post to The Council");
    expect(drafts[1].subject).toBe(`The Chair responded to “${letter.title}”`);
    expect(drafts[1].body).toContain("> The whole response is on the letter page.");
    expect(drafts[1].body.length).toBeLessThanOrEqual(20_000);
    expect(await db.updateRecipient.count({ where: { updateId: { in: [delivered.id, answered.id] } } })).toBe(0);
    const log = await db.auditLog.findMany({ where: { letterId: letter.id, action: { startsWith: "update." } } });
    expect(log.map((entry) => entry.action)).toEqual(["update.save", "update.save"]);
  });
});
