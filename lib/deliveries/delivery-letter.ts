import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { can } from "../auth/roles";
import type { Staff } from "../auth/require-staff";
import { AppError, letterNotFound } from "../http/app-error";
import { photoTypeOf } from "../validation/delivery";
import { withoutPhotoMetadata } from "../validation/photo-metadata";

// What recording a delivery or a response shares: only a role that manages letters may,
// whatever page or action it came from, and a photo is kept with its type and digest.

export async function deliveryLetter({ actor, slug }: { actor: Staff; slug: string }) {
  if (!can(actor.role, "manage_letters")) throw new AppError("forbidden", 403);
  const letter = await db.letter.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!letter) throw letterNotFound();
  return letter;
}

/**
 * The photo's columns (its bytes already checked by deliveryPhotoProblem), without what
 * the camera wrote into it: the letter page shows it to everyone, and a phone's photo
 * says where it was taken (photo-metadata.ts).
 */
export function photoColumns(original: Uint8Array) {
  const photo = withoutPhotoMetadata(original);
  if (!photo) throw new Error("a delivery photo that deliveryPhotoProblem would refuse");
  return {
    photo,
    photoType: photoTypeOf(photo),
    // its address changes with its bytes, so it may be cached for ever
    photoDigest: crypto.createHash("sha256").update(photo).digest("base64url").slice(0, 16),
  };
}

export const NO_PHOTO = { photo: null, photoType: null, photoDigest: null };
