"use client";

/** A country's counts, already written in the reader's language: ISO code, name, individuals, organisations, total. */
export type CountryRow = [code: string, name: string, individuals: string, organizations: string, total: string];

/**
 * Rows of the country table. A client component only so that React's payload carries
 * these compact rows rather than a second copy of every row's markup (up to 200 rows):
 * the table is rendered on the server all the same.
 */
export function CountryRows({ rows }: { rows: CountryRow[] }) {
  return rows.map(([code, name, individuals, organizations, total]) => (
    <tr key={code}>
      <th scope="row">{name}</th>
      <td>{individuals}</td>
      <td>{organizations}</td>
      <td>{total}</td>
    </tr>
  ));
}
