import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { languageLinks } from "@/lib/i18n/language-links";

// Links keep the reader's ?lang= when they chose it there (lib/i18n/language-links.ts).

export async function SiteHeader() {
  const [t, link] = await Promise.all([getTranslations("site"), languageLinks()]);
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href={link("/")} className="flex items-center gap-2 font-semibold tracking-tight text-stone-900">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
            OL
          </span>
          <span>{t("name")}</span>
        </Link>
        <nav aria-label={t("mainNavigation")} className="text-sm">
          <Link href={link("/")} className="rounded px-2 py-1 text-stone-600 hover:text-stone-900">
            {t("allLetters")}
          </Link>
        </nav>
      </div>
    </header>
  );
}

export async function SiteFooter() {
  const [t, link] = await Promise.all([getTranslations("site"), languageLinks()]);
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm text-stone-600 sm:px-6">
        <p>{t("emailPromise")}</p>
        <p>{t("countsPromise")}</p>
        <p>
          {t.rich("yourData", {
            link: (chunks) => (
              <Link href={link("/my-data")} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
        {/* The developer documentation is in English whatever the page's language ("API" reads the same in each of ours). */}
        <p>
          <Link href="/docs/api" hrefLang="en" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            API
          </Link>
        </p>
      </div>
    </footer>
  );
}
