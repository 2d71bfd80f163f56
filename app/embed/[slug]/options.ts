import { LANGUAGE_CODES, type LanguageCode } from "@/lib/i18n/languages";

// The widget's options, from its query string. Anything unknown falls back to the
// default: an embed on someone else's site should show something rather than an error.

export const THEMES = ["light", "dark", "auto"] as const;
export const SIZES = ["small", "medium", "large"] as const;
/** Languages the widget speaks beyond the product's own (lib/i18n/languages.ts), kept from before it had messages. */
export const EXTRA_LANGS = ["it", "nl", "pt"] as const;
export const LANGS: readonly WidgetLang[] = [...LANGUAGE_CODES, ...EXTRA_LANGS];

export type WidgetLang = LanguageCode | (typeof EXTRA_LANGS)[number];

export interface WidgetOptions {
  theme: (typeof THEMES)[number];
  size: (typeof SIZES)[number];
  lang: WidgetLang;
  transparent: boolean;
}

const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

/**
 * `lang` is the embedding site's choice. Without one (or with one the widget does not
 * speak) the widget speaks its reader's language, `readerLanguage`: the one proxy.ts
 * negotiated from Accept-Language, as on every page (the answer then varies by it).
 */
export function widgetOptions(params: URLSearchParams, readerLanguage: LanguageCode = "en"): WidgetOptions {
  return {
    theme: pick(THEMES, params.get("theme"), "light"),
    size: pick(SIZES, params.get("size"), "medium"),
    lang: pick(LANGS, params.get("lang")?.slice(0, 2).toLowerCase() ?? null, readerLanguage),
    transparent: ["1", "true", "yes"].includes(params.get("transparent") ?? ""),
  };
}

/** Whether the query names a language the widget speaks; if not, the answer follows Accept-Language. */
export const namesLanguage = (params: URLSearchParams): boolean => LANGS.includes(params.get("lang")?.slice(0, 2).toLowerCase() as WidgetLang);

export const optionsKey = (o: WidgetOptions) => `${o.theme}/${o.size}/${o.lang}/${o.transparent ? 1 : 0}`;

/** How many countries each size lists. */
export const TOP_COUNTRIES: Record<WidgetOptions["size"], number> = { small: 0, medium: 3, large: 5 };
