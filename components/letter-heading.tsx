import { useLocale, useTranslations } from "next-intl";
import { languageDirection } from "@/lib/i18n/languages";

/** The top of a letter: its kind and addressees, title and summary (public page and admin preview). */
export function LetterHeading({ letter }: { letter: { kind: string; addressedTo: string; title: string; summary: string } }) {
  const t = useTranslations("letter");
  const locale = useLocale();
  return (
    <>
      {/* the page's words, in the page's language and direction, around the letter's own */}
      <p className="text-sm font-medium uppercase tracking-wide text-brand-700" lang={locale} dir={languageDirection(locale)}>
        {letter.kind === "statement" ? t("kindStatement") : t("kindOpenLetter")}
        {letter.addressedTo ? <span className="text-stone-500"> · {t("addressedTo", { addressee: letter.addressedTo })}</span> : null}
      </p>
      <h1 id="letter-title" className="mt-2 font-serif text-3xl font-bold leading-tight tracking-tight text-stone-900 sm:text-4xl">
        {letter.title}
      </h1>
      <p className="mt-4 text-lg text-stone-700">{letter.summary}</p>
    </>
  );
}
