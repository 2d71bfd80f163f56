import Link from "next/link";
import { countryName } from "@/lib/countries";
import type { PublicSignaturePage } from "@/lib/signatures/list-public-signatures";
import { SignatoryEntries, type SignatoryRow } from "./signatory-entries";

export function SignatoryList({
  heading,
  page,
  moreHref,
  empty,
  testId,
  slug,
}: {
  slug: string;
  heading: string;
  page: PublicSignaturePage;
  moreHref: string | null;
  empty: string;
  testId: string;
}) {
  return (
    <section aria-label={heading} data-testid={testId}>
      <h3 className="text-base font-semibold text-stone-900">{heading}</h3>
      {page.items.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{empty}</p>
      ) : (
        // Styles set once on the list rather than on each entry (see CountryTable).
        <ul className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2 [&>li]:border-l-2 [&>li]:border-stone-200 [&>li]:pl-3 [&_b]:block [&_b]:font-medium [&_b]:text-stone-900 [&_b_a:hover]:underline [&_small]:block [&_small]:text-sm [&_small]:text-stone-600 [&_small_a]:ml-2 [&_small_a]:text-xs [&_small_a]:text-stone-600 [&_small_a:hover]:text-stone-900 [&_small_a:hover]:underline">
          <SignatoryEntries
            slug={slug}
            rows={page.items.map((s): SignatoryRow => [
              s.id,
              s.name,
              [s.title, s.affiliation, countryName(s.country)].filter(Boolean).join(" · "),
              s.kind === "organization" && s.website ? s.website : null,
            ])}
          />
        </ul>
      )}
      {moreHref ? (
        <p className="mt-4">
          <Link href={moreHref} className="text-sm font-medium text-brand-700 hover:underline">
            Show more {heading.toLowerCase()} →
          </Link>
        </p>
      ) : null}
    </section>
  );
}
