import { createHash } from "node:crypto";

export interface OriginalText {
  title: string;
  summary: string;
  addressedTo: string;
  body: string;
}

/**
 * A fingerprint of a letter's original text, kept on each translation when it is saved
 * (LetterTranslation.originalDigest). When an editor later changes the original, the
 * letter's digest no longer matches and the translation is marked out of date until an
 * admin checks it against the new text and saves it again.
 */
export function originalDigest({ title, summary, addressedTo, body }: OriginalText): string {
  // as a JSON array, so no field's end can be mistaken for the next one's start
  return createHash("sha256").update(JSON.stringify([title, summary, addressedTo, body])).digest("hex");
}

/** Whether a translation was saved against an older original ("" = saved before digests were kept: not known). */
export const translationOutOfDate = (translation: { originalDigest: string }, original: OriginalText): boolean =>
  translation.originalDigest !== "" && translation.originalDigest !== originalDigest(original);
