"use client";

/** One listed signatory: id, name, "title · affiliation · country", website (organisations). */
export type SignatoryRow = [id: string | null, name: string, detail: string, website: string | null];

/**
 * The entries of a signatory list. A client component only so that React's payload
 * carries these compact rows rather than a second copy of the markup of every entry:
 * the HTML is rendered on the server all the same, and there is nothing to run.
 */
export function SignatoryEntries({ slug, rows }: { slug: string; rows: SignatoryRow[] }) {
  return rows.map(([id, name, detail, website], i) => (
    <li key={id ?? i}>
      <b>{website ? <a href={website} rel="nofollow ugc noopener" target="_blank">{name}</a> : name}</b>
      <small>
        {detail}
        <a href={`/letters/${slug}/report/${id}`} aria-label={`Report the signature of ${name}`}>
          Report
        </a>
      </small>
    </li>
  ));
}
