import "server-only";
import { db } from "../db";

/** A letter as staff see it: any status, drafts included, every editable field. */
export async function getAdminLetter({ slug }: { slug: string }) {
  return db.letter.findUnique({ where: { slug } });
}

export type AdminLetter = NonNullable<Awaited<ReturnType<typeof getAdminLetter>>>;
