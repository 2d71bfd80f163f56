import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterNotFound } from "../http/app-error";
import { letterChanged } from "../memory/letter-changed";
import { recordAudit } from "../moderation/record-audit";
import type { LetterTranslationInput } from "../validation/letter-translation";
import { originalDigest } from "./original-digest";
import { isUniqueViolation } from "./slug-taken";
import { sameLanguageAsOriginal } from "./translation-errors";

const FIELDS = ["title", "summary", "addressedTo", "body"] as const;

/**
 * Saves a letter's translation into one language: a new one starts as a draft, an
 * existing one keeps its status (a published translation's edit is live at once, as
 * the letter's own is). A "letter.translation.save" audit entry names the changed
 * fields; nothing changed, nothing written. A translation is always of the letter's
 * text as it stands, so it records the original's language and a digest of its text:
 * saving an unchanged translation whose original has moved on marks it current again
 * (the admin has checked it against the new text), with an audit entry that says so.
 */
export async function saveLetterTranslation({
  actor,
  slug,
  input,
}: {
  actor: Staff;
  slug: string;
  input: LetterTranslationInput;
}): Promise<{ id: string; changed: string[]; created: boolean; status: string }> {
  const letter = await db.letter.findUnique({
    where: { slug },
    select: { id: true, language: true, title: true, summary: true, addressedTo: true, body: true },
  });
  if (!letter) throw letterNotFound();
  if (input.language === letter.language) throw sameLanguageAsOriginal(letter.language);

  const key = { letterId_language: { letterId: letter.id, language: input.language } };
  const current = await db.letterTranslation.findUnique({ where: key });
  const changed = current ? FIELDS.filter((field) => current[field] !== input[field]) : [...FIELDS];
  const digest = originalDigest(letter);
  const checked = current !== null && changed.length === 0 && current.originalDigest !== digest;
  if (current && changed.length === 0 && !checked) return { id: current.id, changed, created: false, status: current.status };

  const { language, ...text } = input;
  const data = { ...text, translatedFrom: letter.language, originalDigest: digest };
  const write = () =>
    db.$transaction(async (tx) => {
      const saved = current
        ? await tx.letterTranslation.update({ where: { id: current.id }, data, select: { id: true, status: true } })
        : await tx.letterTranslation.create({ data: { letterId: letter.id, language, ...data }, select: { id: true, status: true } });
      await recordAudit(tx, actor, {
        action: "letter.translation.save",
        targetType: "letter_translation",
        targetId: saved.id,
        letterId: letter.id,
        // The texts are long and public anyway: the entry names what changed.
        detail: { language, changed, created: !current, ...(checked ? { checkedAgainstOriginal: true } : {}) },
      });
      return saved;
    });
  let saved: { id: string; status: string };
  try {
    saved = await write();
  } catch (error) {
    // Two editors added the same language at once: the first one's row stands.
    if (!current && isUniqueViolation(error)) return saveLetterTranslation({ actor, slug, input });
    throw error;
  }
  await letterChanged({ letterId: letter.id, what: "letter" });
  return { id: saved.id, changed, created: !current, status: saved.status };
}
