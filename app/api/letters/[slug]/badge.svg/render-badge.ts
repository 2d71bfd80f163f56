// A shields-style badge: a grey label and the count on the brand colour. Text widths
// are estimated from Verdana's advance widths and pinned with textLength, so the badge
// looks the same whatever font the viewer falls back to. Right to left (Arabic), the
// label stands on the right, where a reader starts, and its text runs right to left;
// its length is not pinned there, since stretching would pull joined letters apart.

const WIDE = /[mwMW@%]/;
const NARROW = /[ilj.,:;'!|I1 ]/;

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 10 : NARROW.test(ch) ? 3.7 : /[A-Z0-9]/.test(ch) ? 7.5 : 6.6;
  return Math.ceil(width);
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!);

export function renderBadge({ label, value, lang = "en", dir = "ltr" }: { label: string; value: string; lang?: string; dir?: "ltr" | "rtl" }): string {
  const pad = 6;
  const lw = textWidth(label) + pad * 2;
  const vw = textWidth(value) + pad * 2;
  const width = lw + vw;
  const rtl = dir === "rtl";
  // Where each part starts: the label first in the reading direction.
  const [lx, vx] = rtl ? [vw, 0] : [0, lw];
  const [l, v, title] = [escapeXml(label), escapeXml(value), escapeXml(`${label}: ${value}`)];
  const labelText = (extra: string) =>
    rtl
      ? `<text x="${lx + lw / 2}" ${extra} direction="rtl">${l}</text>`
      : `<text x="${lx + lw / 2}" ${extra} textLength="${lw - pad * 2}">${l}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${title}" lang="${escapeXml(lang)}">
<title>${title}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#fff" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect x="${lx}" width="${lw}" height="20" fill="#44403c"/><rect x="${vx}" width="${vw}" height="20" fill="#1d4ed8"/><rect width="${width}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
${labelText('y="15" fill="#010101" fill-opacity=".3" aria-hidden="true"')}
${labelText('y="14"')}
<text x="${vx + vw / 2}" y="15" fill="#010101" fill-opacity=".3" textLength="${vw - pad * 2}" aria-hidden="true">${v}</text>
<text x="${vx + vw / 2}" y="14" textLength="${vw - pad * 2}" data-count="">${v}</text>
</g>
</svg>`;
}
