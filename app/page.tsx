import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { languageLinks } from "@/lib/i18n/language-links";
import { listPublicLetters } from "@/lib/letters/list-public-letters";

export const dynamic = "force-dynamic";

const STATUS_KEY = { open: "statusOpen", paused: "statusPaused", closed: "statusClosed" } as const;

export default async function HomePage() {
  const locale = await getLocale();
  // Each letter's title and summary in the reader's language where its translation is published.
  const [shown, t, letterWords, link] = await Promise.all([
    listPublicLetters({ language: locale }),
    getTranslations("home"),
    getTranslations("letter"),
    languageLinks(),
  ]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14">
      <div className="max-w-2xl">
        <h1 className="font-serif text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t("title")}</h1>
        <p className="mt-3 text-lg text-stone-700">{t("intro")}</p>
      </div>
      {shown.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-stone-300 p-8 text-stone-600">{t("noLetters")}</p>
      ) : (
        <ul className="mt-10 grid gap-6 md:grid-cols-2">
          {shown.map((letter) => (
            <li key={letter.slug}>
              <article className="relative flex h-full flex-col rounded-xl border border-stone-200 bg-white p-6 shadow-sm transition hover:shadow-md">
                <div className="flex flex-wrap items-center gap-2 text-xs font-medium">
                  <span className="rounded-full bg-brand-50 px-2.5 py-1 text-brand-700">
                    {letter.kind === "statement" ? letterWords("kindStatement") : letterWords("kindOpenLetter")}
                  </span>
                  <span className={letter.status === "open" ? "rounded-full bg-emerald-50 px-2.5 py-1 text-emerald-800" : "rounded-full bg-stone-100 px-2.5 py-1 text-stone-700"}>
                    {letter.status in STATUS_KEY ? t(STATUS_KEY[letter.status as keyof typeof STATUS_KEY]) : letter.status}
                  </span>
                </div>
                <div lang={letter.language} dir={letter.dir} className="flex flex-1 flex-col">
                  <h2 className="mt-4 font-serif text-xl font-semibold leading-snug text-stone-900">
                    <Link href={link(`/letters/${letter.slug}`)} className="after:absolute after:inset-0 hover:underline">
                      {letter.title}
                    </Link>
                  </h2>
                  <p className="mt-2 flex-1 text-stone-700">{letter.summary}</p>
                </div>
                <p className="mt-5 flex items-center justify-between border-t border-stone-100 pt-4 text-sm">
                  <span className="font-semibold text-stone-900">{t("signatures", { count: letter.total })}</span>
                  <span aria-hidden="true" className="font-medium text-brand-700">{t("readAndSign")}</span>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
