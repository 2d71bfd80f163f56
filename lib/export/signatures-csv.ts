import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { countryName } from "../countries";
import { csvRow, type CsvValue } from "./csv";
import { PUBLIC_SIGNATORIES_CSV_HEADER } from "./csv-columns";

// A letter's counted signatures as a CSV stream. Each pull reads the next keyset batch
// (createdAt, id) and hands it on, so memory holds one batch whatever the letter's size,
// and a reader that stops (a cancelled download) stops the queries too.
//
// Rows come in the order they were signed. The redundant `createdAt >= after` lets SQLite
// start each batch inside the [letterId, createdAt] index instead of scanning from the
// letter's first row, so a million rows cost a million index steps, not a million squared.

export const EXPORT_BATCH = 1000;

export type CsvAudience = { audience: "staff"; includeEmails: boolean } | { audience: "public" };

const select = {
  id: true, kind: true, name: true, email: true, title: true, affiliation: true, organizationName: true,
  website: true, country: true, comment: true, listPublicly: true, domainMatch: true,
  createdAt: true, confirmedAt: true, countedAt: true,
} as const;

type Row = Prisma.SignatureGetPayload<{ select: typeof select }>;

function columns(options: CsvAudience): { header: string; value: (row: Row) => CsvValue }[] {
  const r = (value: (row: Row) => CsvValue) => value;
  if (options.audience === "public") {
    // What the public list shows: an organisation under its own name, its contact private.
    const values: Record<(typeof PUBLIC_SIGNATORIES_CSV_HEADER)[number], (row: Row) => CsvValue> = {
      kind: (s) => s.kind,
      name: (s) => (s.kind === "organization" ? (s.organizationName ?? s.name) : s.name),
      title: (s) => s.title,
      affiliation: (s) => s.affiliation,
      website: (s) => s.website,
      country: (s) => s.country,
      country_name: (s) => countryName(s.country),
      signed_at: (s) => s.countedAt,
    };
    return PUBLIC_SIGNATORIES_CSV_HEADER.map((header) => ({ header, value: values[header] }));
  }
  return [
    { header: "kind", value: r((s) => s.kind) },
    { header: "name", value: r((s) => s.name) },
    ...(options.includeEmails ? [{ header: "email", value: r((s) => s.email) }] : []),
    { header: "title", value: r((s) => s.title) },
    { header: "affiliation", value: r((s) => s.affiliation) },
    { header: "organization", value: r((s) => s.organizationName) },
    { header: "website", value: r((s) => s.website) },
    { header: "country", value: r((s) => s.country) },
    { header: "country_name", value: r((s) => countryName(s.country)) },
    { header: "listed_publicly", value: r((s) => s.listPublicly) },
    { header: "domain_match", value: r((s) => s.domainMatch) },
    { header: "comment", value: r((s) => s.comment) },
    { header: "signed_at", value: r((s) => s.createdAt) },
    { header: "confirmed_at", value: r((s) => s.confirmedAt) },
    { header: "counted_at", value: r((s) => s.countedAt) },
  ];
}

export function signaturesCsv({
  letterId,
  batchSize = EXPORT_BATCH,
  onDone,
  ...options
}: CsvAudience & { letterId: string; batchSize?: number; onDone?: (rows: number) => void }): ReadableStream<Uint8Array> {
  const cols = columns(options);
  const encoder = new TextEncoder();
  const where = { letterId, status: "counted", ...(options.audience === "public" ? { listPublicly: true } : {}) };
  let after: { at: Date; id: string } | null = null;
  let rows = 0;
  let headerSent = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          // The byte-order mark tells spreadsheets the file is UTF-8, so names keep their accents.
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(cols.map((c) => c.header))}`));
          return;
        }
        const batch = await db.signature.findMany({
          where: after
            ? { ...where, createdAt: { gte: after.at }, OR: [{ createdAt: { gt: after.at } }, { id: { gt: after.id } }] }
            : where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: batchSize,
          // Emails are read only when they will be written.
          select: { ...select, email: options.audience === "staff" && options.includeEmails },
        });
        if (batch.length > 0) {
          controller.enqueue(encoder.encode(batch.map((row) => csvRow(cols.map((c) => c.value(row)))).join("")));
          rows += batch.length;
          const last = batch.at(-1)!;
          after = { at: last.createdAt, id: last.id };
        }
        if (batch.length < batchSize) {
          onDone?.(rows);
          controller.close();
        }
      },
    },
    { highWaterMark: 1 },
  );
}
