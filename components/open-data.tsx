import { useTranslations } from "next-intl";
import { DATA_LICENCE } from "@/lib/export/data-licence";

/**
 * The letter's "Data" section: every public feed of its figures and list, with their
 * format and licence. Feeds speak no language, so their links carry no ?lang=.
 */
export function OpenData({ slug }: { slug: string }) {
  const t = useTranslations("letter");
  const link = "font-medium text-brand-700 hover:underline";
  const feeds = [
    { label: t("dataCounts"), href: `/api/letters/${slug}/counts`, format: "JSON" },
    { label: t("dataSignatures"), href: `/api/letters/${slug}/signatures`, format: "JSON" },
    { label: t("dataSignatoriesCsv"), href: `/letters/${slug}/signatories.csv`, format: "CSV", download: true },
    { label: t("dataHistory"), href: `/api/letters/${slug}/history`, format: "JSON" },
    { label: t("dataHistoryCsv"), href: `/api/letters/${slug}/history.csv`, format: "CSV", download: true },
    { label: t("dataFeed"), href: `/letters/${slug}/organizations.atom`, format: "Atom" },
  ];
  return (
    <section id="data" aria-labelledby="data-heading" className="mt-14 scroll-mt-6" data-testid="open-data">
      <h2 id="data-heading" className="text-xl font-semibold tracking-tight text-stone-900">
        {t("dataHeading")}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-stone-600">
        {t.rich("dataIntro", {
          licence: (chunks) => (
            <a href={DATA_LICENCE.url} rel="license" className={link}>
              {chunks}
            </a>
          ),
          licenceName: DATA_LICENCE.name,
        })}
      </p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {feeds.map((feed) => (
          <li key={feed.href} className="flex items-baseline justify-between gap-3 rounded-lg border border-stone-200 bg-white px-4 py-3">
            <a href={feed.href} download={feed.download || undefined} className={link}>
              {feed.label}
            </a>
            <span className="shrink-0 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-700" dir="ltr">
              {feed.format}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
