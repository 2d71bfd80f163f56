import "server-only";
import { db } from "../db";
import { effectiveStatus } from "./effective-status";

// A letter as the public sees it. Drafts do not exist for the public.

export const publicLetterSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  kind: true,
  status: true,
  addressedTo: true,
  // the original's language: a reader whose browser asks for none we have reads it in this
  language: true,
  allowIndividuals: true,
  allowOrganizations: true,
  goal: true,
  closesAt: true,
  publishedAt: true,
  createdAt: true,
  // Whether signing asks for a proof of work (lib/defences/bot-checks.ts)
  proofOfWork: true,
  proofOfWorkBusyPerMinute: true,
} as const;

export async function getPublicLetter({ slug }: { slug: string }) {
  const letter = await db.letter.findUnique({ where: { slug }, select: publicLetterSelect });
  if (!letter || letter.status === "draft") return null;
  return { ...letter, status: effectiveStatus(letter) };
}

export type PublicLetter = NonNullable<Awaited<ReturnType<typeof getPublicLetter>>>;
