// The widget's options, from its query string. Anything unknown falls back to the
// default: an embed on someone else's site should show something rather than an error.

export const THEMES = ["light", "dark", "auto"] as const;
export const SIZES = ["small", "medium", "large"] as const;
export const LANGS = ["en", "fr", "de", "es", "it", "nl", "pt"] as const;

export interface WidgetOptions {
  theme: (typeof THEMES)[number];
  size: (typeof SIZES)[number];
  lang: (typeof LANGS)[number];
  transparent: boolean;
}

const pick = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

export function widgetOptions(params: URLSearchParams): WidgetOptions {
  return {
    theme: pick(THEMES, params.get("theme"), "light"),
    size: pick(SIZES, params.get("size"), "medium"),
    lang: pick(LANGS, params.get("lang")?.slice(0, 2).toLowerCase() ?? null, "en"),
    transparent: ["1", "true", "yes"].includes(params.get("transparent") ?? ""),
  };
}

export const optionsKey = (o: WidgetOptions) => `${o.theme}/${o.size}/${o.lang}/${o.transparent ? 1 : 0}`;

/** How many countries each size lists. */
export const TOP_COUNTRIES: Record<WidgetOptions["size"], number> = { small: 0, medium: 3, large: 5 };
