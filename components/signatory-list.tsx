import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localCountryName } from "@/lib/countries/country-names";
import { linkLanguage } from "@/lib/i18n/language-links";
import type { PublicSignaturePage } from "@/lib/signatures/list-public-signatures";
import { SignatoryEntries, type SignatoryRow } from "./signatory-entries";

export async function SignatoryList({
  kind,
  heading,
  page,
  moreHref,
  empty,
  slug,
}: {
  kind: "individual" | "organization";
  slug: string;
  heading: string;
  page: PublicSignaturePage;
  /** the next page's address, with the reader's ?lang= if they chose it; null on the last page */
  moreHref: string | null;
  empty: string;
}) {
  const [t, locale, lang] = await Promise.all([getTranslations("letter"), getLocale(), linkLanguage()]);
  return (
    <section aria-label={heading} data-testid={`${kind}-signatories`}>
      <h3 className="text-base font-semibold text-stone-900">{heading}</h3>
      {page.items.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{empty}</p>
      ) : (
        // Styles set once on the list rather than on each entry (see CountryTable).
        <ul className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2 [&>li]:border-s-2 [&>li]:border-stone-200 [&>li]:ps-3 [&_b]:block [&_b]:font-medium [&_b]:text-stone-900 [&_b_a:hover]:underline [&_small]:block [&_small]:text-sm [&_small]:text-stone-600 [&_small_a]:ms-2 [&_small_a]:text-xs [&_small_a]:text-stone-600 [&_small_a:hover]:text-stone-900 [&_small_a:hover]:underline">
          <SignatoryEntries
            slug={slug}
            report={{ text: t("report"), label: t("reportSignature", { name: "{name}" }), lang }}
            rows={page.items.map((s): SignatoryRow => [
              s.id,
              s.name,
              [s.title, s.affiliation, localCountryName(s.country, locale)].filter(Boolean).join(" · "),
              s.kind === "organization" && s.website ? s.website : null,
            ])}
          />
        </ul>
      )}
      {moreHref ? (
        <p className="mt-4">
          <Link href={moreHref} className="text-sm font-medium text-brand-700 hover:underline">
            {kind === "organization" ? t("showMoreOrganizations") : t("showMoreIndividuals")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
