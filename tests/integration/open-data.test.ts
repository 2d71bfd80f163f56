import crypto from "node:crypto";
import { DomUtils, parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as historyCsvRoute } from "@/app/api/letters/[slug]/history.csv/route";
import { configureDatabase, db } from "@/lib/db";
import { organizationsAtom, ORGANIZATIONS_IN_FEED } from "@/lib/export/organizations-atom";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { withdrawSignature } from "@/lib/signer-rights/withdraw-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import { createToken } from "@/lib/signatures/tokens";
import type { SignatureInput } from "@/lib/validation/signature";
import { createLetter, individual, organization, signAndConfirm } from "../support/factories";

// The open data a letter publishes beside its JSON: the history by day and country as
// CSV (GET /api/letters/{slug}/history.csv) and the Atom feed of newly listed organisations.

type Letter = Awaited<ReturnType<typeof createLetter>>;
const unique = () => crypto.randomUUID().slice(0, 8);

beforeAll(() => configureDatabase());

/** Signs and confirms, then dates the counting `at`, as if it had happened then. */
async function countedAt(letter: Letter, input: SignatureInput, at: string) {
  await signAndConfirm(letter, input);
  return db.signature.update({ where: { letterId_emailCanonical: { letterId: letter.id, emailCanonical: canonicalEmail(input.email).canonical } }, data: { countedAt: new Date(at) } });
}

/** A signature written straight to the table, as an older row or another tool could have left it. */
async function addRow(letter: Letter, data: Record<string, unknown>) {
  const email = `row-${unique()}@example.org`;
  const { canonical, domain } = canonicalEmail(email);
  return db.signature.create({
    data: {
      letterId: letter.id, kind: "individual", name: "Row Signer", email, emailCanonical: canonical, emailDomain: domain, country: "FR",
      listPublicly: true, status: "counted", consentAt: new Date(), countedAt: new Date(), ...data,
    },
  });
}

const csvOf = (letter: { slug: string }, headers: Record<string, string> = {}) =>
  historyCsvRoute(new Request(`http://letters.test/api/letters/${letter.slug}/history.csv`, { headers }), { params: Promise.resolve({ slug: letter.slug }) });

describe("GET /api/letters/{slug}/history.csv", () => {
  it("gives one row per day and country of the signatures that count, withdrawn, hidden and unconfirmed ones left out", async () => {
    const letter = await createLetter({ autoApproveMatchingDomain: true });
    await countedAt(letter, individual({ country: "FR" }), "2026-03-01T08:00:00Z");
    await countedAt(letter, individual({ country: "FR" }), "2026-03-01T23:59:00Z");
    await countedAt(letter, organization({ country: "DE" }), "2026-03-01T12:00:00Z");
    await countedAt(letter, individual({ country: "DE" }), "2026-03-02T00:00:00Z");
    await countedAt(letter, organization({ country: "DE" }), "2026-03-02T15:00:00Z");
    // signed, never confirmed
    await signLetter({ slug: letter.slug, input: individual({ country: "FR" }) });
    // confirmed on the second day, then withdrawn
    const withdrawn = await countedAt(letter, individual({ country: "FR" }), "2026-03-02T10:00:00Z");
    const { token, tokenHash } = createToken();
    await db.withdrawalToken.create({ data: { tokenHash, signatureId: withdrawn.id, letterId: letter.id } });
    await withdrawSignature({ token, how: "link" });
    // counted once, then hidden by a moderator (its countedAt stays)
    await addRow(letter, { country: "FR", status: "hidden", countedAt: new Date("2026-03-02T11:00:00Z") });

    const response = await csvOf(letter);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      [
        "date,country,country_name,individuals,organizations,total",
        "2026-03-01,DE,Germany,0,1,1",
        "2026-03-01,FR,France,2,0,2",
        "2026-03-02,DE,Germany,1,1,2",
        "",
      ].join("\r\n"),
    );
  });

  it("answers as the history JSON does: a CSV attachment, CORS, a short public cache, and 304 for the ETag it gave", async () => {
    const letter = await createLetter();
    await signAndConfirm(letter, individual());
    const response = await csvOf(letter);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${letter.slug}-history.csv"`,
      "cache-control": "public, max-age=0, s-maxage=10, stale-while-revalidate=50, stale-if-error=86400",
      "access-control-allow-origin": "*",
      "x-content-type-options": "nosniff",
    });
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await csvOf(letter, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("turns a cell that would start a formula into text", async () => {
    const letter = await createLetter();
    await addRow(letter, { country: "=HYPERLINK(\"http://evil.example\")", countedAt: new Date("2026-03-01T12:00:00Z") });
    const lines = (await (await csvOf(letter)).text()).split("\r\n");
    expect(lines[1]).toBe(`2026-03-01,"'=HYPERLINK(""http://evil.example"")","'=HYPERLINK(""http://evil.example"")",1,0,1`);
  });

  it("is 404 for an unknown slug and for a draft", async () => {
    const draft = await createLetter({ status: "draft" });
    await addRow(draft, {});
    for (const slug of [`no-such-letter-${unique()}`, draft.slug]) {
      const response = await csvOf({ slug });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "letter_not_found" } });
    }
  });
});

describe("the Atom feed of newly listed organisations", () => {
  const feedOf = async (letter: Letter) => {
    const { bytes, contentType } = await organizationsAtom({ letter, title: `${letter.title}: organisations`, author: "Open Letters" });
    return { xml: new TextDecoder().decode(bytes), contentType };
  };
  const entries = (xml: string) => DomUtils.getElementsByTagName("entry", parseDocument(xml, { xmlMode: true }));
  type Element = ReturnType<typeof entries>[number];
  const children = (element: Element, name: string) => DomUtils.getElementsByTagName(name, element.children, false);
  const child = (element: Element, name: string) => children(element, name)[0];

  it("lists the counted organisations that chose to be listed, newest first, names escaped and no email anywhere", async () => {
    const letter = await createLetter({ autoApproveMatchingDomain: true });
    const older = organization({ organizationName: `Older ${unique()}` });
    const newer = organization({ organizationName: `Bread & Roses <"Co-op"> ${unique()}`, name: `Contact ${unique()}` });
    const unlisted = organization({ organizationName: `Unlisted ${unique()}`, listPublicly: false });
    const waiting = organization({ organizationName: `Waiting ${unique()}`, email: `someone-${unique()}@elsewhere.example` });
    const person = individual({ name: `Person ${unique()}` });
    await countedAt(letter, older, "2026-03-01T10:00:00Z");
    await countedAt(letter, newer, "2026-03-02T10:00:00Z");
    await countedAt(letter, unlisted, "2026-03-03T10:00:00Z");
    await signAndConfirm(letter, waiting); // awaits a moderator: its domain is not its website's
    await countedAt(letter, person, "2026-03-04T10:00:00Z");
    expect(await db.signature.count({ where: { letterId: letter.id, status: "awaiting_review" } })).toBe(1);

    const { xml, contentType } = await feedOf(letter);
    expect(contentType).toBe("application/atom+xml; charset=utf-8");
    const feed = parseDocument(xml, { xmlMode: true });
    const root = DomUtils.getElementsByTagName("feed", feed)[0];
    expect(root.attribs.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(DomUtils.textContent(child(root, "updated"))).toBe("2026-03-02T10:00:00.000Z");
    const links = children(root, "link").map((l) => [l.attribs.rel, l.attribs.href]);
    expect(links).toEqual([
      ["self", expect.stringMatching(new RegExp(`/letters/${letter.slug}/organizations\\.atom$`))],
      ["alternate", expect.stringMatching(new RegExp(`/letters/${letter.slug}$`))],
    ]);
    const listed = entries(xml).map((e) => [DomUtils.textContent(child(e, "title")), child(e, "link").attribs.href, DomUtils.textContent(child(e, "updated"))]);
    expect(listed).toEqual([
      [(newer as { organizationName: string }).organizationName, (newer as { website: string }).website, "2026-03-02T10:00:00.000Z"],
      [(older as { organizationName: string }).organizationName, (older as { website: string }).website, "2026-03-01T10:00:00.000Z"],
    ]);
    expect(xml).toContain("Bread &amp; Roses &lt;&quot;Co-op&quot;&gt;");
    for (const signer of [older, newer, unlisted, waiting, person]) {
      expect(xml).not.toContain(signer.email);
      expect(xml).not.toContain(signer.name);
    }
    expect(xml).not.toContain("@");
  });

  it(`holds the newest ${ORGANIZATIONS_IN_FEED} organisations at most`, async () => {
    const letter = await createLetter();
    const start = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i <= ORGANIZATIONS_IN_FEED; i++) {
      await addRow(letter, { kind: "organization", organizationName: `Org ${i}`, countedAt: new Date(start + i * 60_000) });
    }
    const titles = entries((await feedOf(letter)).xml).map((e) => DomUtils.textContent(child(e, "title")));
    expect(titles).toHaveLength(ORGANIZATIONS_IN_FEED);
    expect(titles[0]).toBe(`Org ${ORGANIZATIONS_IN_FEED}`);
    expect(titles.at(-1)).toBe("Org 1");
  });
});
