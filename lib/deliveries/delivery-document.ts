import "server-only";
import { db } from "../db";
import { countryName } from "../countries";
import { listPublicSignatures } from "../signatures/list-public-signatures";
import { deliveryFigures } from "./delivery-figures";
import { deliveryPdf, type DeliveryPdf, type DocumentSignatory } from "./delivery-pdf";

export const DOCUMENT_BATCH = 1000;

/**
 * A letter's delivery document: its text, its figures and its listed signatories (the
 * public list: counted, listed, never an email), read 1,000 at a time by the public
 * list's cursor as the document is written. The lists stop at the number listed when
 * the document began, so a name counted meanwhile does not break the page count.
 */
export async function deliveryDocument({
  letterId,
  now = new Date(),
  batchSize = DOCUMENT_BATCH,
}: {
  letterId: string;
  now?: Date;
  batchSize?: number;
}): Promise<DeliveryPdf & { listed: number }> {
  const letter = await db.letter.findUniqueOrThrow({
    where: { id: letterId },
    select: { id: true, title: true, kind: true, addressedTo: true, body: true, language: true, createdAt: true },
  });
  const { counts, listed } = await deliveryFigures({ letterId, since: letter.createdAt });

  async function* signatories(kind: "organization" | "individual"): AsyncIterable<DocumentSignatory[]> {
    let cursor: string | null = null;
    do {
      const page = await listPublicSignatures({ letterId, kind, cursor, take: batchSize });
      yield page.items.map((s) => ({ name: s.name, title: s.title, affiliation: s.affiliation, website: s.website, country: countryName(s.country) }));
      cursor = page.nextCursor;
    } while (cursor);
  }

  const pdf = deliveryPdf({
    letter,
    date: now,
    counts,
    listed,
    signatories,
  });
  return { ...pdf, listed: listed.organizations + listed.individuals };
}
