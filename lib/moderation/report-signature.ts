import "server-only";
import { db } from "../db";
import { AppError } from "../http/app-error";

export const REPORT_REASONS = {
  not_real: "Not a real person or organisation",
  impersonation: "Someone signing in another's name",
  offensive: "Offensive or abusive",
  duplicate: "A duplicate",
  other: "Something else",
} as const;
export type ReportReason = keyof typeof REPORT_REASONS;

/**
 * A reader reports a listed signature: it gains the "reported" flag, which puts it in
 * the moderators' queue (it keeps counting until a moderator decides), and the report
 * is kept in the audit log.
 */
export async function reportSignature({
  slug,
  signatureId,
  reason,
  details,
}: {
  slug: string;
  signatureId: string;
  reason: ReportReason;
  details?: string;
}): Promise<void> {
  const signature = await db.signature.findFirst({
    where: { id: signatureId, letter: { slug }, status: "counted", listPublicly: true },
    select: { id: true, flags: true, letterId: true },
  });
  if (!signature) throw new AppError("signature_not_found", 404);
  const flags = new Set(signature.flags ? signature.flags.split(",") : []);
  flags.add("reported");
  await db.$transaction([
    db.signature.update({ where: { id: signature.id }, data: { flags: [...flags].join(",") } }),
    db.auditLog.create({
      data: {
        actorEmail: "public report",
        action: "signature.report",
        targetType: "signature",
        targetId: signature.id,
        letterId: signature.letterId,
        reason: REPORT_REASONS[reason],
        detail: JSON.stringify({ details: details?.slice(0, 500) ?? "" }),
      },
    }),
  ]);
}
