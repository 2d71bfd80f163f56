/**
 * Where the whole public list can be taken away: the CSV (every listed signatory, for a
 * spreadsheet) and the JSON API (a page at a time). Neither holds an email address.
 */
export function SignatoryDownloads({ slug, kind }: { slug: string; kind?: "individual" | "organization" }) {
  const json = `/api/letters/${slug}/signatures${kind ? `?kind=${kind}` : ""}`;
  const link = "font-medium text-brand-700 hover:underline";
  return (
    <p className="mt-1 text-sm text-stone-600" data-testid="signatory-downloads">
      Download the whole list as{" "}
      <a href={`/letters/${slug}/signatories.csv`} download className={link}>
        CSV
      </a>{" "}
      (for a spreadsheet), or read it as{" "}
      <a href={json} className={link}>
        JSON
      </a>
      .
    </p>
  );
}
