import { useTranslations } from "next-intl";
import { findLanguage } from "@/lib/i18n/languages";

// The languages a letter can be read in, each named in its own language and linked with
// ?lang= (a full page load, so that <html lang dir> change with it). The current one is
// marked for screen readers and by its look, not only its colour.
export function LanguageSwitcher({ languages, current }: { languages: string[]; current: string }) {
  const t = useTranslations("letter");
  const shown = languages.includes(current) ? languages : [...languages, current];
  return (
    <nav aria-label={t("languagesLabel")} className="mb-5 flex flex-wrap items-center gap-x-1 gap-y-2 text-sm" data-testid="language-switcher">
      <span className="me-1 text-stone-600">{t("languagesLabel")}:</span>
      {shown.map((code) => {
        const language = findLanguage(code);
        if (!language) return null;
        const isCurrent = code === current;
        return (
          <a
            key={code}
            href={`?lang=${code}`}
            hrefLang={code}
            lang={code}
            dir={language.dir}
            aria-current={isCurrent ? "page" : undefined}
            className={
              isCurrent
                ? "rounded-md border border-stone-800 bg-stone-900 px-2.5 py-1 font-semibold text-white"
                : "rounded-md border border-stone-300 px-2.5 py-1 text-brand-700 underline-offset-2 hover:underline"
            }
          >
            {language.name}
          </a>
        );
      })}
    </nav>
  );
}
