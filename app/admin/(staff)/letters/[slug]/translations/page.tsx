import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { LANGUAGES, findLanguage } from "@/lib/i18n/languages";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";
import { listLetterTranslations } from "@/lib/letters/list-letter-translations";
import { translationOutOfDate } from "@/lib/letters/original-digest";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Translations" };

const link = "font-medium text-brand-700 hover:underline";

const TONE: Record<string, string> = {
  published: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  draft: "bg-brand-50 text-brand-900 ring-brand-100",
  none: "bg-stone-100 text-stone-700 ring-stone-300",
  outOfDate: "bg-amber-50 text-amber-900 ring-amber-300",
};
const LABEL: Record<string, string> = { published: "Published", draft: "Draft", none: "Not translated" };

// Admins edit translations; moderators may read them.
export default async function TranslationsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ deleted?: string }> }) {
  const staff = await requireStaffPage("moderate");
  const isAdmin = can(staff.role, "manage_letters");
  const [{ slug }, { deleted }] = await Promise.all([params, searchParams]);
  const letter = await getAdminLetter({ slug });
  if (!letter) notFound();
  const translations = new Map((await listLetterTranslations({ letterId: letter.id })).map((t) => [t.language, t]));
  const others = LANGUAGES.filter((language) => language.code !== letter.language);

  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/letters" className={link}>← Letters</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-stone-900">Translations</h1>
      <p className="mt-1 text-stone-700">{letter.title}</p>
      <p className="mt-2 max-w-2xl text-sm text-stone-600">
        Written in {findLanguage(letter.language)?.englishName ?? letter.language}. Readers see a published translation in their
        language; a draft is seen only here. Signatures belong to the letter, whatever language it is read in.
      </p>
      {deleted && findLanguage(deleted) ? (
        <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          Deleted the {findLanguage(deleted)!.englishName} translation.
        </p>
      ) : null}
      <ul className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
        {others.map((language) => {
          const translation = translations.get(language.code);
          const status = translation?.status ?? "none";
          return (
            <li key={language.code} data-testid={`translation-${language.code}`} className="flex flex-wrap items-center gap-x-4 gap-y-2 p-4">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-stone-900">
                  {language.englishName} <span lang={language.code} className="font-normal text-stone-600">· {language.name}</span>
                </p>
                {translation ? (
                  <p lang={language.code} dir={language.dir} className="mt-0.5 truncate text-sm text-stone-600">{translation.title}</p>
                ) : null}
              </div>
              {translation && translationOutOfDate(translation, letter) ? (
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE.outOfDate}`}>Original changed since</span>
              ) : null}
              <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status]}`}>{LABEL[status]}</span>
              {translation || isAdmin ? (
                <Link href={`/admin/letters/${letter.slug}/translations/${language.code}`} className={`${link} text-sm`}
                  aria-label={`${translation ? (isAdmin ? "Edit" : "Read") : "Translate"}: ${language.englishName}`}>
                  {translation ? (isAdmin ? "Edit" : "Read") : "Translate"}
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
