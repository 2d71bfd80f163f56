import "server-only";
import crypto from "node:crypto";
import countries from "i18n-iso-countries";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";

// Country outlines for the map, projected once per process into one SVG sprite that
// browsers fetch once and cache (/world-map.svg). A letter page then carries only a
// <use> per country with signatures, not ~100 kB of outlines in its HTML and again in
// its React payload. Natural Earth 1:110m; very small countries are missing at this
// scale and stay in the table.

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 440;

// world-atlas leaves a few territories without an ISO numeric id. Kosovo has its
// user-assigned code; Northern Cyprus and Somaliland are, in ISO 3166, parts of Cyprus
// and Somalia, so they take those countries' counts rather than showing as holes.
const UNNUMBERED: Record<string, string> = { Kosovo: "XK", "N. Cyprus": "CY", Somaliland: "SO" };

export interface WorldSprite {
  svg: string;
  /** changes whenever the outlines do, for the sprite's URL */
  version: string;
  /** alpha-2 codes that have an outline */
  codes: ReadonlySet<string>;
}

let sprite: WorldSprite | undefined;

export function worldSprite(): WorldSprite {
  if (sprite) return sprite;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  // Antarctica takes a fifth of the frame and no one signs from there.
  const inhabited = collection.features.filter((f) => f.id !== "010");
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: "FeatureCollection", features: inhabited },
  );
  const path = geoPath(projection).digits(1);
  const outlines = new Map<string, string>();
  for (const f of inhabited) {
    const code = (f.id !== undefined && countries.numericToAlpha2(String(f.id))) || UNNUMBERED[f.properties?.name ?? ""];
    const d = path(f);
    if (code && d) outlines.set(code, (outlines.get(code) ?? "") + d);
  }
  const paths = [...outlines].map(([code, d]) => `<path id="${code}" d="${d}"/>`).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"><g id="world">${paths}</g></svg>`;
  const version = crypto.createHash("sha1").update(svg).digest("hex").slice(0, 10);
  sprite = { svg, version, codes: new Set(outlines.keys()) };
  return sprite;
}
