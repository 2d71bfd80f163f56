"use client";

/** One listed signatory: id, name, "title · affiliation · country", website (organisations). */
export type SignatoryRow = [id: string | null, name: string, detail: string, website: string | null];

/** The report link in the reader's language: its text, its label (naming the signer where it says {name}), and the ?lang= it keeps. */
export type ReportLink = { text: string; label: string; lang: string | null };

/**
 * The entries of a signatory list. A client component only so that React's payload
 * carries these compact rows rather than a second copy of the markup of every entry:
 * the HTML is rendered on the server all the same, and there is nothing to run.
 */
export function SignatoryEntries({ slug, rows, report }: { slug: string; rows: SignatoryRow[]; report: ReportLink }) {
  const query = report.lang ? `?lang=${report.lang}` : "";
  return rows.map(([id, name, detail, website], i) => (
    <li key={id ?? i}>
      {/* a name may run the other way from the page (a Latin name on an Arabic page): <bdi> keeps its punctuation at its own end */}
      <b>{website ? <a href={website} rel="nofollow ugc noopener" target="_blank" dir="auto">{name}</a> : <bdi>{name}</bdi>}</b>
      <small>
        {detail}
        <a href={`/letters/${slug}/report/${id}${query}`} aria-label={report.label.replace("{name}", name)}>
          {report.text}
        </a>
      </small>
    </li>
  ));
}
