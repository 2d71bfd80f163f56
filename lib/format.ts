// Numbers and dates as the reader's language writes them, with Intl. The formatters are
// kept per language: a letter page formats a few hundred numbers on every render.

const numberFormats = new Map<string, Intl.NumberFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

// The product's English is British (Open Graph's en_GB): "3 Mar 2026", not "Mar 3, 2026".
const dateLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);

function cached<T>(formats: Map<string, T>, locale: string, make: () => T): T {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = make()));
  return format;
}

/** A count as `locale` writes it: 1,234 in English, 1 234 in French, ١٬٢٣٤ in Arabic. */
export const formatCount = (n: number, locale = "en") => cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(n);

/** A calendar day ("YYYY-MM-DD", counted in UTC) as `locale` writes it, with a short month name. */
export const formatDay = (day: string, locale = "en") =>
  cached(dayFormats, locale, () => new Intl.DateTimeFormat(dateLocale(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })).format(
    new Date(`${day.slice(0, 10)}T00:00:00Z`),
  );

/** English only (the admin area and the operator's pages): "1 signature", "2 signatures". */
export const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

// The admin area's labels, in English.
export const KIND_LABEL: Record<string, string> = { open_letter: "Open letter", statement: "Statement" };

export const STATUS_LABEL: Record<string, string> = {
  open: "Open for signatures",
  paused: "Paused",
  closed: "Closed",
  draft: "Draft",
};
