"use client";

/** A country with signatures: ISO code, fill colour, "Name: N signatures". */
export type MapCountry = [code: string, fill: string, label: string];

/**
 * The shaded countries of the world map, drawn from the cached outline sprite. A client
 * component only so that React's payload carries these compact rows rather than a
 * second copy of every shape's markup: the SVG is rendered on the server all the same.
 */
export function WorldMapCountries({ version, countries }: { version: string; countries: MapCountry[] }) {
  return countries.map(([code, fill, label]) => (
    <use key={code} href={`/world-map.svg?v=${version}#${code}`} fill={fill} data-country={code} tabIndex={0} role="img" aria-label={label} />
  ));
}
