// A shields-style badge: a grey label and the count on the brand colour. Text widths
// are estimated from Verdana's advance widths and pinned with textLength, so the badge
// looks the same whatever font the viewer falls back to.

const WIDE = /[mwMW@%]/;
const NARROW = /[ilj.,:;'!|I1 ]/;

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 10 : NARROW.test(ch) ? 3.7 : /[A-Z0-9]/.test(ch) ? 7.5 : 6.6;
  return Math.ceil(width);
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!);

export function renderBadge({ label, value }: { label: string; value: string }): string {
  const pad = 6;
  const lw = textWidth(label) + pad * 2;
  const vw = textWidth(value) + pad * 2;
  const width = lw + vw;
  const [l, v, title] = [escapeXml(label), escapeXml(value), escapeXml(`${label}: ${value}`)];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${title}">
<title>${title}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#fff" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#44403c"/><rect x="${lw}" width="${vw}" height="20" fill="#1d4ed8"/><rect width="${width}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3" textLength="${lw - pad * 2}" aria-hidden="true">${l}</text>
<text x="${lw / 2}" y="14" textLength="${lw - pad * 2}">${l}</text>
<text x="${lw + vw / 2}" y="15" fill="#010101" fill-opacity=".3" textLength="${vw - pad * 2}" aria-hidden="true">${v}</text>
<text x="${lw + vw / 2}" y="14" textLength="${vw - pad * 2}" data-count="">${v}</text>
</g>
</svg>`;
}
