import "server-only";
import { appUrl } from "../app-url";
import { db } from "../db";
import { representation, type Representation } from "../http/responses";
import { whenLetterChanges } from "../memory/letter-changed";
import { timedCache } from "../memory/timed-cache";
import { xmlText } from "./xml";

// The organisations newly listed on a letter as an Atom feed (RFC 4287), for
// GET /letters/{slug}/organizations.atom: the newest ORGANIZATIONS_IN_FEED counted
// organisations that chose to be listed, newest first, each dated by when it was counted
// (confirmed, or approved by a moderator). Only what the public list shows goes in: the
// organisation's name, website and country, never its contact's name or address. Kept as
// bytes for 5 s, the contract's bound for a withdrawn or hidden signature to leave every list.

export const ORGANIZATIONS_IN_FEED = 100;
export const ATOM_TTL_MS = 5_000;

const cache = timedCache<Representation>("organizations-atom", { ttlMs: ATOM_TTL_MS, max: 100 });
whenLetterChanges("organizations-atom", ({ letterId }) => cache.forget(letterId));

export interface AtomLetter {
  id: string;
  slug: string;
  language: string;
  publishedAt: Date | null;
  createdAt: Date;
}

export function organizationsAtom({ letter, title, author }: { letter: AtomLetter; title: string; author: string }): Promise<Representation> {
  return cache.get(letter.id, () => build(letter, title, author));
}

async function build(letter: AtomLetter, title: string, author: string): Promise<Representation> {
  const organizations = await db.signature.findMany({
    where: { letterId: letter.id, kind: "organization", status: "counted", listPublicly: true, countedAt: { not: null } },
    orderBy: [{ countedAt: "desc" }, { id: "desc" }],
    take: ORGANIZATIONS_IN_FEED,
    select: { id: true, organizationName: true, name: true, website: true, countedAt: true },
  });
  const page = appUrl(`/letters/${letter.slug}`);
  const self = `${page}/organizations.atom`;
  const list = appUrl(`/letters/${letter.slug}/signatories?kind=organization`);
  const updated = organizations[0]?.countedAt ?? letter.publishedAt ?? letter.createdAt;
  const entries = organizations.map((o) =>
    [
      "  <entry>",
      `    <id>${xmlText(`${self}#${o.id}`)}</id>`,
      // An organisation is listed under its own name; its contact person stays private.
      `    <title type="text">${xmlText(o.organizationName ?? o.name)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(o.website ?? list)}"/>`,
      `    <updated>${o.countedAt!.toISOString()}</updated>`,
      "  </entry>",
    ].join("\n"),
  );
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(letter.language)}">`,
    `  <id>${xmlText(self)}</id>`,
    `  <title type="text">${xmlText(title)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${xmlText(author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(page)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
  return representation(xml, "application/atom+xml; charset=utf-8");
}
