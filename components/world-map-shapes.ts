import "server-only";
import countries from "i18n-iso-countries";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";

// Country outlines for the map, projected once per process: the shapes never change,
// so each render only picks fills. Natural Earth 1:110m keeps the page light; very
// small countries are missing at this scale and stay in the table.

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 440;

export interface CountryShape {
  /** ISO 3166-1 alpha-2, as signatures store it. */
  code: string;
  d: string;
}

// world-atlas leaves a few territories without an ISO numeric id. Kosovo has its
// user-assigned code; Northern Cyprus and Somaliland are, in ISO 3166, parts of Cyprus
// and Somalia, so they take those countries' counts rather than showing as holes.
const UNNUMBERED: Record<string, string> = { Kosovo: "XK", "N. Cyprus": "CY", Somaliland: "SO" };

let shapes: CountryShape[] | undefined;

export function countryShapes(): CountryShape[] {
  if (shapes) return shapes;
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
  shapes = inhabited.flatMap((f) => {
    const code = (f.id !== undefined && countries.numericToAlpha2(String(f.id))) || UNNUMBERED[f.properties?.name ?? ""];
    const d = path(f);
    return code && d ? [{ code, d }] : [];
  });
  return shapes;
}
