import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterNotFound } from "../http/app-error";
import { recordAudit } from "../moderation/record-audit";
import { signaturesCsv } from "./signatures-csv";

/**
 * A staff export of a letter's counted signatures. The audit entry is written before
 * the first byte leaves, so an export (with or without emails) is on record even when
 * the download is cut short; the row count is the counted total at that moment.
 */
export async function startSignatureExport({
  actor,
  slug,
  includeEmails,
}: {
  actor: Staff;
  slug: string;
  includeEmails: boolean;
}) {
  // Drafts included: staff may export any letter.
  const letter = await db.letter.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!letter) throw letterNotFound();
  const rows = await db.signature.count({ where: { letterId: letter.id, status: "counted" } });
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "export.csv",
      targetType: "export",
      letterId: letter.id,
      detail: { includeEmails, rows, filter: { status: "counted" } },
    }),
  );
  return {
    filename: `${letter.slug}-signatures${includeEmails ? "-with-emails" : ""}.csv`,
    rows,
    stream: signaturesCsv({ letterId: letter.id, audience: "staff", includeEmails }),
  };
}
