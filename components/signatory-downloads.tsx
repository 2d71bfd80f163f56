import { useTranslations } from "next-intl";

/**
 * Where the whole public list can be taken away: the CSV (every listed signatory, for a
 * spreadsheet) and the JSON API (a page at a time). Neither holds an email address.
 */
export function SignatoryDownloads({ slug, kind }: { slug: string; kind?: "individual" | "organization" }) {
  const t = useTranslations("letter");
  const json = `/api/letters/${slug}/signatures${kind ? `?kind=${kind}` : ""}`;
  const link = "font-medium text-brand-700 hover:underline";
  return (
    <p className="mt-1 text-sm text-stone-600" data-testid="signatory-downloads">
      {t.rich("downloads", {
        csv: (chunks) => (
          <a href={`/letters/${slug}/signatories.csv`} download className={link}>
            {chunks}
          </a>
        ),
        json: (chunks) => (
          <a href={json} className={link}>
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}
