import Link from "next/link";
import { countryName } from "@/lib/countries";
import type { PublicSignaturePage } from "@/lib/signatures/list-public-signatures";

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
        <ul className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {page.items.map((s, i) => (
            <li key={s.id ?? i} className="group/signer relative border-l-2 border-stone-200 pl-3">
              <p className="font-medium text-stone-900">
                {s.kind === "organization" && s.website ? (
                  <a href={s.website} rel="nofollow ugc noopener" target="_blank" className="hover:underline">
                    {s.name}
                  </a>
                ) : (
                  s.name
                )}
              </p>
              <p className="text-sm text-stone-600">
                {[s.title, s.affiliation, countryName(s.country)].filter(Boolean).join(" · ")}
                <Link
                  href={`/letters/${slug}/report/${s.id}`}
                  className="ml-2 text-xs text-stone-400 hover:text-stone-700 hover:underline"
                  aria-label={`Report the signature of ${s.name}`}
                  prefetch={false}
                >
                  Report
                </Link>
              </p>
            </li>
          ))}
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
