import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

/**
 * Everything held about one canonical address: its signatures on every letter, with
 * every column (flags and moderation status included), and the messages sent to it,
 * bodies too. Nothing about anyone else: a signature is picked by its own address, a
 * message by its recipient; and a moderator's or block rule's note is left out, as
 * staff wrote it and it may name others (the status and flags say what was decided). Shown at /my-data/{token}, downloaded as JSON, and printed by
 * `npm run data:export`.
 */
export async function signerData({ emailCanonical }: { emailCanonical: string }) {
  const signatures = await db.signature.findMany({
    where: { emailCanonical },
    orderBy: { createdAt: "asc" },
    include: { letter: { select: { slug: true, title: true } } },
  });
  const emails = await db.outboxEmail.findMany({
    where: messagesTo(emailCanonical, signatures.map((s) => s.email)),
    orderBy: { createdAt: "asc" },
    select: { id: true, template: true, to: true, subject: true, status: true, createdAt: true, sentAt: true, html: true, text: true, signatureId: true },
  });
  return {
    emailCanonical,
    signatures: signatures.map(({ letter, moderationReason, ...signature }) => ({ letter, ...signature, moderatorNote: moderationReason !== null })),
    emails,
  };
}

export type SignerData = Awaited<ReturnType<typeof signerData>>;

/**
 * The messages to an address: by their canonical recipient, and by the exact addresses
 * its signatures were made with (messages written before toCanonical was kept).
 */
export function messagesTo(emailCanonical: string, addresses: string[]): Prisma.OutboxEmailWhereInput {
  return { OR: [{ toCanonical: emailCanonical }, ...(addresses.length > 0 ? [{ to: { in: addresses } }] : [])] };
}
