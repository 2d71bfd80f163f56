import type { LetterCounts } from "@/lib/counts/letter-counts";
import type { PublicLetter } from "@/lib/letters/get-public-letter";
import { SafeHtml, html } from "./html";
import { languageDirection } from "@/lib/i18n/languages";
import { TOP_COUNTRIES, type WidgetOptions } from "./options";
import type { WidgetStrings } from "./strings";
import { WIDGET_SCRIPT } from "./widget-script";
import { WIDGET_STYLES } from "./widget-styles";

const kindLabel = (kind: string, s: WidgetStrings) => (kind === "open_letter" ? s.openLetter : kind === "statement" ? s.statement : "");

// Right to left for Arabic: the flex rows (the count, the countries, the footer) mirror
// with the document's direction, so the styles need no side of their own.
function page(lang: string, classes: string, title: string, body: SafeHtml): string {
  return `<!doctype html>${html`<html lang="${lang}" dir="${languageDirection(lang)}" class="${classes}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${new SafeHtml(WIDGET_STYLES)}</style></head><body>${body}</body></html>`}`;
}

/** The widget as a whole HTML document. Nothing in it is personal: no email, no names. */
export function renderWidget({
  letter,
  counts,
  countsEtag,
  letterUrl,
  options,
  strings: s,
}: {
  letter: PublicLetter;
  counts: LetterCounts;
  countsEtag: string;
  letterUrl: string;
  options: WidgetOptions;
  strings: WidgetStrings;
}): string {
  const { lang, size } = options;
  // Digits as the site's pages write them (next-intl formats with the same Intl): for
  // Arabic, today's CLDR gives Latin digits, as most Arabic web interfaces use.
  const number = new Intl.NumberFormat(lang);
  const regions = new Intl.DisplayNames([lang], { type: "region" });
  const top = TOP_COUNTRIES[size];
  const percent = letter.goal ? Math.min(100, Math.floor((counts.total / letter.goal) * 100)) : 0;
  const open = letter.status === "open";
  const goalText = letter.goal
    ? (counts.total >= letter.goal ? s.goalReached : s.goal).replace("{percent}", number.format(percent)).replace("{goal}", number.format(letter.goal))
    : "";
  const classes = [options.theme, size, options.transparent ? "transparent" : ""].filter(Boolean).join(" ");

  const body = html`<main class="w" data-widget data-slug="${letter.slug}" data-lang="${lang}" data-goal="${letter.goal ?? 0}" data-top="${top}" data-etag="${countsEtag}" data-strings="${JSON.stringify(s)}">
<p class="kicker">${kindLabel(letter.kind, s)}</p>
<p class="title"><a href="${letterUrl}" target="_blank" rel="noopener" dir="auto">${letter.title}</a></p>
<p class="total" aria-live="polite" aria-atomic="true"><b data-total data-testid="widget-total">${number.format(counts.total)}</b> <span data-unit>${s.units[new Intl.PluralRules(lang).select(counts.total)] ?? s.units.other}</span></p>
${letter.goal
  ? html`<div class="bar" data-bar role="progressbar" aria-label="${goalText}" aria-valuemin="0" aria-valuemax="${letter.goal}" aria-valuenow="${Math.min(counts.total, letter.goal)}"><span style="width:${Math.max(percent, counts.total > 0 ? 2 : 0)}%"></span></div>
<p class="goal" data-goal>${goalText}</p>`
  : ""}
${size === "large" ? html`<p class="split" data-split>${number.format(counts.individuals)} ${s.individuals} · ${number.format(counts.organizations)} ${s.organizations}</p>` : ""}
${top > 0
  ? html`<div data-countries-block${counts.countries.length === 0 ? " hidden" : ""}><h2>${s.topCountries}</h2><ol data-countries>${counts.countries
      .slice(0, top)
      .map((c) => html`<li><span>${regions.of(c.country) ?? c.name}</span><span class="n">${number.format(c.total)}</span></li>`)}</ol></div>`
  : ""}
${open ? html`<p class="empty" data-empty${counts.total > 0 ? " hidden" : ""}>${s.empty}</p>` : ""}
<div class="foot"><a class="button" href="${letterUrl}" target="_blank" rel="noopener">${open ? s.sign : s.read}</a><span class="live">${s.live}</span></div>
</main><script>${new SafeHtml(WIDGET_SCRIPT)}</script>`;
  return page(lang, classes, letter.title, body);
}
