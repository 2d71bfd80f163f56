import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CopyButton, EmbedBuilder } from "@/components/embed-builder";
import { getEnv } from "@/lib/env";
import { languageLinks } from "@/lib/i18n/language-links";
import { letterInLanguage } from "@/lib/letters/letter-in-language";
import { getPublicLetter } from "@/lib/letters/get-public-letter";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const letter = await getPublicLetter({ slug: (await params).slug });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const text = letter ? await letterInLanguage({ letter, language: locale }) : null;
  return {
    metadataBase: new URL(getEnv().APP_URL),
    title: text ? t("embedPage.title", { title: text.title }) : t("letter.notFound"),
    robots: { index: false },
  };
}

export default async function EmbedPage({ params }: Props) {
  const { slug } = await params;
  const letter = await getPublicLetter({ slug });
  if (!letter) notFound();
  const locale = await getLocale();
  const [t, text, link] = await Promise.all([getTranslations("embedPage"), letterInLanguage({ letter, language: locale }), languageLinks()]);
  const back = await getTranslations("letter");
  const origin = getEnv().APP_URL;
  const badge = `${origin}/api/letters/${slug}/badge.svg`;
  const markdown = `[![Signatures](${badge})](${origin}/letters/${slug})`;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <p className="text-sm">
        <Link href={link(`/letters/${slug}`)} className="font-medium text-brand-700 hover:underline">
          {back.rich("backToLetter", {
            title: text.title,
            letter: (chunks) => (
              <span lang={text.language} dir={text.dir}>
                {chunks}
              </span>
            ),
          })}
        </Link>
      </p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-stone-900">{t("heading")}</h1>
      <p className="mt-3 max-w-2xl text-stone-700">
        {t("intro")}
      </p>
      <div className="mt-8 rounded-xl border border-stone-200 bg-white p-5 sm:p-6">
        <EmbedBuilder
          slug={slug}
          origin={origin}
          words={{
            options: t("options"),
            theme: t("theme"),
            themes: { light: t("themeLight"), dark: t("themeDark"), auto: t("themeAuto") },
            size: t("size"),
            sizes: { small: t("sizeSmall"), medium: t("sizeMedium"), large: t("sizeLarge") },
            language: t("language"),
            visitorsLanguage: t("visitorsLanguage"),
            transparent: t("transparent"),
            paste: t("paste"),
            copy: t("copy"),
            copied: t("copied"),
            snippetNote: t("snippetNote"),
            preview: t("preview"),
            previewTitle: t("previewTitle"),
          }}
        />
      </div>
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="badge-heading" className="rounded-xl border border-stone-200 bg-white p-5">
          <div className="flex items-center justify-between gap-3">
            <h2 id="badge-heading" className="text-base font-semibold text-stone-900">{t("badge")}</h2>
            <CopyButton text={markdown} label={t("copyMarkdown")} copied={t("copied")} />
          </div>
          <p className="mt-1 text-sm text-stone-600">{t("badgeHelp")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG served by this app, shown as it is */}
          <img src={`/api/letters/${slug}/badge.svg`} alt={t("badgeAlt")} className="mt-4 h-5" />
          <pre dir="ltr" className="mt-3 overflow-x-auto whitespace-pre-wrap break-all rounded-lg bg-stone-100 p-3 text-xs text-stone-800">{markdown}</pre>
        </section>
        <section aria-labelledby="json-heading" className="rounded-xl border border-stone-200 bg-white p-5">
          <h2 id="json-heading" className="text-base font-semibold text-stone-900">{t("json")}</h2>
          <p className="mt-1 text-sm text-stone-600">
            {t("jsonHelp")}
          </p>
          <ul className="mt-3 space-y-1.5 text-sm" dir="ltr">
            <li>
              <a href={`/api/letters/${slug}/counts`} className="font-mono text-brand-700 hover:underline">/api/letters/{slug}/counts</a>
            </li>
            <li>
              <a href={`/api/letters/${slug}/history`} className="font-mono text-brand-700 hover:underline">/api/letters/{slug}/history</a>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
