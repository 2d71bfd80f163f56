import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LetterBody } from "@/components/letter-body";
import { LetterHeading } from "@/components/letter-heading";
import { TranslationEditor } from "@/components/admin/translation-editor";
import { can } from "@/lib/auth/roles";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { findLanguage } from "@/lib/i18n/languages";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";
import { listLetterTranslations } from "@/lib/letters/list-letter-translations";
import { translationOutOfDate } from "@/lib/letters/original-digest";
import { translationAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Translation" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

// Admins edit a translation beside the original; moderators read it.
export default async function TranslationPage({ params }: { params: Promise<{ slug: string; language: string }> }) {
  const staff = await requireStaffPage("moderate");
  const isAdmin = can(staff.role, "manage_letters");
  const { slug, language: code } = await params;
  const language = findLanguage(code);
  const letter = await getAdminLetter({ slug });
  if (!letter || !language || language.code === letter.language) notFound();
  const translation = (await listLetterTranslations({ letterId: letter.id })).find((t) => t.language === language.code);
  if (!translation && !isAdmin) notFound();
  const original = { title: letter.title, summary: letter.summary, addressedTo: letter.addressedTo, body: letter.body, language: letter.language };

  return (
    <div>
      <p className="text-sm">
        <Link href={`/admin/letters/${letter.slug}/translations`} className="font-medium text-brand-700 hover:underline">← Translations</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-stone-900">
        {language.englishName} translation <span lang={language.code} className="font-normal text-stone-600">· {language.name}</span>
      </h1>
      <p className="mt-1 text-sm text-stone-600">
        {translation ? (translation.status === "published" ? "Published: readers who choose this language see it." : "Draft: only staff see it.") : "Not translated yet."}
      </p>
      {translation && translationOutOfDate(translation, letter) ? (
        <p data-testid="translation-out-of-date" className="mt-3 max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          The original has changed since this translation was last saved (its last save:{" "}
          <time dateTime={translation.updatedAt.toISOString()}>{when.format(translation.updatedAt)} UTC</time>). Compare it with the
          original beside it, change what needs changing, and save: saving marks it as current again, even with no change.
        </p>
      ) : null}
      <div className="mt-6">
        {isAdmin ? (
          <TranslationEditor
            action={translationAction.bind(null, letter.slug)}
            kind={letter.kind}
            language={{ code: language.code, englishName: language.englishName, dir: language.dir }}
            original={original}
            defaults={{ title: translation?.title ?? "", summary: translation?.summary ?? "", addressedTo: translation?.addressedTo ?? "", body: translation?.body ?? "" }}
            status={translation ? (translation.status === "published" ? "published" : "draft") : null}
          />
        ) : (
          <article lang={language.code} dir={language.dir} aria-labelledby="letter-title" className="mx-auto max-w-3xl" data-testid="translation-preview">
            <LetterHeading letter={{ kind: letter.kind, ...translation! }} />
            <div className="mt-8 border-t border-stone-200 pt-8">
              <LetterBody markdown={translation!.body} />
            </div>
          </article>
        )}
      </div>
    </div>
  );
}
