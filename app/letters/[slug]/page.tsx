import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CountsCard } from "@/components/counts-card";
import { CountryTable } from "@/components/country-table";
import { DeliveryTimeline } from "@/components/delivery-timeline";
import { HistoryChart } from "@/components/history-chart";
import { KindSplit } from "@/components/kind-split";
import { Milestones } from "@/components/milestones";
import { ShareLinks } from "@/components/share-links";
import { TopCountries } from "@/components/top-countries";
import { WorldMap } from "@/components/world-map";
import { LetterBody } from "@/components/letter-body";
import { LanguageSwitcher } from "@/components/language-switcher";
import { LetterHeading } from "@/components/letter-heading";
import { OpenData } from "@/components/open-data";
import { SignForm } from "@/components/sign-form";
import { SignatoryDownloads } from "@/components/signatory-downloads";
import { SignatoryList } from "@/components/signatory-list";
import { StickyWhenItFits } from "@/components/sticky-when-it-fits";
import { appUrl } from "@/lib/app-url";
import { countryOptions, localCountryName } from "@/lib/countries/country-names";
import { letterCounts } from "@/lib/counts/letter-counts";
import { letterHistory } from "@/lib/counts/letter-history";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { milestones } from "@/lib/counts/milestones";
import { getEnv } from "@/lib/env";
import { languageLinks } from "@/lib/i18n/language-links";
import { findLanguage, languageDirection } from "@/lib/i18n/languages";
import { getPublicLetter } from "@/lib/letters/get-public-letter";
import { letterInLanguage } from "@/lib/letters/letter-in-language";
import { listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { signLetterAction } from "./actions";

// Rendered per request, in the reader's language (i18n/request.ts). Readers get it from
// the proxy's memory (lib/letters/letter-page-from-memory.ts), which renders each
// language at most about twice a second, so a letter with a million signatures costs its
// readers what an empty one does (the counts it shows are themselves up to 2 s old; the
// contract allows 5).

type Props = { params: Promise<{ slug: string }> };

const FIRST_SIGNATORIES = 20;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const letter = await getPublicLetter({ slug: (await params).slug });
  const t = await getTranslations("letter");
  if (!letter) return { title: t("notFound") };
  const locale = await getLocale();
  const text = await letterInLanguage({ letter, language: locale });
  const path = `/letters/${letter.slug}`;
  // One address per language (?lang=), and the bare address for "whatever the reader's
  // browser asks for"; each published language is an alternate, Open Graph's included.
  const inLanguage = (code: string) => `${path}?lang=${code}`;
  const ogLocale = (code: string) => findLanguage(code)?.ogLocale ?? code;
  // The images come from opengraph-image.tsx and twitter-image.tsx beside this page.
  return {
    metadataBase: new URL(getEnv().APP_URL),
    title: text.title,
    description: text.summary,
    alternates: {
      canonical: inLanguage(locale),
      languages: { ...Object.fromEntries(text.languages.map((code) => [code, inLanguage(code)])), "x-default": path },
      // The feed of newly listed organisations, for feed readers to find from the page.
      types: { "application/atom+xml": [{ url: `${path}/organizations.atom`, title: t("organizationsFeed", { title: letter.title }) }] },
    },
    openGraph: {
      type: "article",
      title: text.title,
      description: text.summary,
      url: inLanguage(locale),
      siteName: t("siteName"),
      locale: ogLocale(locale),
      alternateLocale: text.languages.filter((code) => code !== locale).map(ogLocale),
    },
    twitter: { card: "summary_large_image", title: text.title, description: text.summary },
  };
}

export default async function LetterPage({ params }: Props) {
  const { slug } = await params;
  const letter = await getPublicLetter({ slug });
  if (!letter) notFound();
  const locale = await getLocale();
  const t = await getTranslations("letter");
  const text = await letterInLanguage({ letter, language: locale });
  const languageName = (code: string) => new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;

  const [counts, history, organizations, individuals, link, deliveries] = await Promise.all([
    letterCounts(letter.id, letter.createdAt),
    letterHistory({ letterId: letter.id }),
    // A first handful of each kind; the rest are a link away, which keeps this page's
    // weight (and so its cost per reader) nearly the same for ten signers or a million.
    listPublicSignatures({ letterId: letter.id, kind: "organization", take: FIRST_SIGNATORIES }),
    listPublicSignatures({ letterId: letter.id, kind: "individual", take: FIRST_SIGNATORIES }),
    languageLinks(),
    // recording a delivery or a response is a letter change: every process re-renders at once
    listDeliveries({ letterId: letter.id }),
  ]);
  const countries = counts.countries.map((c) => ({ ...c, name: localCountryName(c.country, locale) }));
  // Later pages live on their own (uncached) route, so this page stays one cacheable thing.
  const moreHref = (kind: "organization" | "individual", cursor: string | null) =>
    cursor ? link(`/letters/${slug}/signatories?kind=${kind}&cursor=${encodeURIComponent(cursor)}`) : null;
  const kinds = [
    ...(letter.allowIndividuals ? (["individual"] as const) : []),
    ...(letter.allowOrganizations ? (["organization"] as const) : []),
  ];

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_380px] lg:gap-14">
        <article aria-labelledby="letter-title">
          <LanguageSwitcher languages={text.languages} current={locale} />
          {text.untranslated ? (
            <p className="mb-5 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-stone-800" data-testid="untranslated">
              {t("untranslated", { language: languageName(locale), original: languageName(text.language) })}
            </p>
          ) : null}
          <div lang={text.language} dir={text.dir}>
            <LetterHeading letter={{ kind: letter.kind, ...text }} />
          </div>
          {letter.status === "open" ? (
            <a
              href="#sign"
              className="mt-5 inline-flex items-center rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700 lg:hidden"
            >
              {t("signThisLetter")}
            </a>
          ) : null}
          <div className="mt-8 border-t border-stone-200 pt-8" lang={text.language} dir={text.dir}>
            <LetterBody markdown={text.body} />
            {text.translatedFrom ? (
              <p className="mt-6 text-sm italic text-stone-600" lang={locale} dir={languageDirection(locale)}>
                {t("translatedFrom", { original: languageName(text.translatedFrom) })}
              </p>
            ) : null}
          </div>
          {deliveries.length > 0 ? <DeliveryTimeline slug={letter.slug} deliveries={deliveries} /> : null}
          <section aria-labelledby="share-heading" className="mt-10 rounded-xl border border-stone-200 bg-white p-5" data-testid="share">
            <h2 id="share-heading" className="text-base font-semibold text-stone-900">
              {t("share")}
            </h2>
            <div className="mt-3">
              <ShareLinks url={appUrl(`/letters/${letter.slug}?lang=${locale}`)} title={text.title} />
            </div>
            <p className="mt-4 text-sm text-stone-600">
              {t.rich("campaignSite", {
                embed: (chunks) => (
                  <Link href={link(`/letters/${letter.slug}/embed`)} className="font-medium text-brand-700 hover:underline">
                    {chunks}
                  </Link>
                ),
                json: (chunks) => (
                  <a href={`/api/letters/${letter.slug}/counts`} className="font-medium text-brand-700 hover:underline">
                    {chunks}
                  </a>
                ),
              })}
            </p>
          </section>
        </article>

        <StickyWhenItFits className="space-y-6 lg:self-start lg:data-sticky:sticky lg:data-sticky:top-6" label={t("signatures")}>
          <CountsCard counts={counts} goal={letter.goal} />
          <section id="sign" aria-labelledby="sign-heading" className="scroll-mt-6 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id="sign-heading" className="text-lg font-semibold text-stone-900">
              {letter.status === "open" ? t("addSignature") : t("signingClosed")}
            </h2>
            {letter.status === "open" ? (
              <div className="mt-4">
                <SignForm slug={letter.slug} action={signLetterAction.bind(null, letter.slug)} kinds={kinds} countries={countryOptions(locale)} />
              </div>
            ) : (
              <p className="mt-2 text-stone-700">
                {letter.status === "paused" ? t("paused") : t("closed")}
              </p>
            )}
          </section>
        </StickyWhenItFits>
      </div>

      <section aria-labelledby="countries-heading" className="mt-14">
        <h2 id="countries-heading" className="text-xl font-semibold tracking-tight text-stone-900">
          {t("whereFrom")}
        </h2>
        {countries.length > 0 ? (
          <>
            <div className="mt-4">
              <WorldMap countries={countries} />
            </div>
            <div className="mt-6 grid items-start gap-6 md:grid-cols-2">
              <TopCountries countries={countries} />
              <KindSplit individuals={counts.individuals} organizations={counts.organizations} />
            </div>
          </>
        ) : null}
        <div className={countries.length > 0 ? "mt-6" : "mt-4"}>
          <CountryTable countries={countries} />
        </div>
      </section>

      <section aria-labelledby="history-heading" className="mt-14">
        <h2 id="history-heading" className="text-xl font-semibold tracking-tight text-stone-900">
          {t("overTime")}
        </h2>
        <div className="mt-4 grid gap-6 rounded-xl border border-stone-200 bg-white p-5 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <HistoryChart days={history} />
          <Milestones progress={milestones({ total: counts.total, goal: letter.goal, history })} />
        </div>
      </section>

      <section id="signatories" aria-labelledby="signatories-heading" className="mt-14 scroll-mt-6">
        <h2 id="signatories-heading" className="text-xl font-semibold tracking-tight text-stone-900">
          {t("signatories")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("signatoriesIntro")}</p>
        <SignatoryDownloads slug={letter.slug} />
        <div className="mt-6 space-y-10">
          <SignatoryList
            kind="organization"
            heading={t("organizations")}
            page={organizations}
            moreHref={moreHref("organization", organizations.nextCursor)}
            empty={t("noOrganizations")}
            slug={letter.slug}
          />
          <SignatoryList
            kind="individual"
            heading={t("individuals")}
            page={individuals}
            moreHref={moreHref("individual", individuals.nextCursor)}
            empty={t("noIndividuals")}
            slug={letter.slug}
          />
        </div>
      </section>

      <OpenData slug={letter.slug} />
    </div>
  );
}
