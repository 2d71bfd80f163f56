// Adds synthetic, plainly labelled demo signatures to a letter, through the same
// functions real signers go through (sign, then confirm), so counters stay exact.
// Usage: npm run demo:signatures -- [slug] [count]
// Every name ends in "(demo)" and every address is at example.org: no real person.
import crypto from "node:crypto";
import { db } from "../lib/db";
import { COUNTRY_CODES } from "../lib/countries";
import { signLetter } from "../lib/signatures/sign-letter";
import { confirmSignature } from "../lib/signatures/confirm-signature";
import { hashToken } from "../lib/signatures/tokens";

const [slug = "strong-encryption-open-letter", countArg = "60"] = process.argv.slice(2);
const count = Number(countArg);
const FIRST = ["Alex", "Sam", "Robin", "Kim", "Noor", "Ari", "Jules", "Mika", "Sasha", "Toni", "Yuki", "Lee"];
const LAST = ["Example", "Sample", "Placeholder", "Testwell", "Demo", "Fictional"];
const ROLES = ["Security researcher", "Journalist", "Software engineer", "Teacher", "Student", "Lawyer", undefined];
// Weighted toward a few countries, with a long tail, like a real letter.
const popular = ["US", "DE", "FR", "GB", "BR", "IN", "CA", "NL", "ES", "IT", "SE", "JP", "KE", "MX", "AU"];
const pick = <T,>(list: readonly T[]) => list[crypto.randomInt(list.length)];

for (let i = 0; i < count; i++) {
  const organization = i % 9 === 0;
  const country = crypto.randomInt(3) > 0 ? pick(popular) : pick(COUNTRY_CODES);
  const id = crypto.randomUUID().slice(0, 6);
  // A few throwaway-service addresses, so the review queue has flagged rows to show.
  const email = organization ? `contact@demo-org-${id}.example.org` : i % 25 === 5 ? `demo-${id}@mailinator.com` : `demo-${id}@example.org`;
  await signLetter({
    slug,
    input: organization
      ? { kind: "organization", name: `${pick(FIRST)} ${pick(LAST)} (demo)`, email, country,
          organizationName: `Demo Digital Rights Group ${id} (demo)`, website: `https://demo-org-${id}.example.org`,
          listPublicly: true, consent: true }
      : { kind: "individual", name: `${pick(FIRST)} ${pick(LAST)} (demo)`, email, country,
          title: pick(ROLES), listPublicly: crypto.randomInt(4) > 0, consent: true },
  });
  // Demo signers "click" their link: a fresh token stands in for the emailed one.
  const token = crypto.randomBytes(32).toString("base64url");
  const signature = await db.signature.findFirstOrThrow({ where: { email }, select: { id: true } });
  await db.confirmationToken.create({ data: { tokenHash: hashToken(token), signatureId: signature.id, expiresAt: new Date(Date.now() + 60_000) } });
  await confirmSignature({ token });
  // Most demo organisations are approved; every other one is left in the review queue.
  if (organization && i % 18 === 0) {
    // Demo organisations are approved as a moderator would (moderation arrives with the admin area).
    const { letterId } = await db.signature.update({ where: { id: signature.id }, data: { status: "counted", countedAt: new Date() }, select: { letterId: true } });
    const { adjustCount } = await import("../lib/counts/adjust-count");
    await db.$transaction((tx) => adjustCount(tx, { letterId, country, kind: "organization", delta: 1 }));
  }
}
await db.outboxEmail.deleteMany({ where: { template: { not: "admin-sign-in" }, to: { contains: "demo-" } } });
console.log(`added ${count} demo signatures to ${slug}`);
