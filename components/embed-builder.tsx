"use client";

import { useEffect, useRef, useState } from "react";
import { LANGUAGES } from "@/lib/i18n/languages";

// The Embed page's working part: pick the widget's options, see it live, copy the
// snippet. The preview frame is fitted to the widget's height the way embed.js does it.
// Its words come from the page, in the reader's language; the snippet is code and stays as it is.

/** The builder's words, in the reader's language. */
export interface EmbedBuilderWords {
  options: string;
  theme: string;
  themes: Record<(typeof THEMES)[number], string>;
  size: string;
  sizes: Record<(typeof SIZES)[number], string>;
  language: string;
  visitorsLanguage: string;
  transparent: string;
  paste: string;
  copy: string;
  copied: string;
  snippetNote: string;
  preview: string;
  previewTitle: string;
}

const THEMES = ["light", "dark", "auto"] as const;
const SIZES = ["small", "medium", "large"] as const;
// The widget's languages, each named in itself: the product's, and three of the widget's own.
const LANGS: readonly (readonly [code: string, name: string])[] = [
  ...LANGUAGES.map(({ code, name }) => [code, name] as const),
  ["it", "Italiano"],
  ["nl", "Nederlands"],
  ["pt", "Português"],
];
const WIDTHS = { small: 300, medium: 380, large: 460 };

export function EmbedBuilder({ slug, origin, words }: { slug: string; origin: string; words: EmbedBuilderWords }) {
  const [theme, setTheme] = useState("light");
  const [size, setSize] = useState<keyof typeof WIDTHS>("medium");
  // "": no data-lang, so the widget speaks each visitor's language (their browser's Accept-Language).
  const [lang, setLang] = useState("");
  const [transparent, setTransparent] = useState(false);
  const [height, setHeight] = useState(280);
  const frame = useRef<HTMLIFrameElement>(null);

  const attrs = [
    theme !== "light" ? ` data-theme="${theme}"` : "",
    size !== "medium" ? ` data-size="${size}"` : "",
    lang ? ` data-lang="${lang}"` : "",
    transparent ? ` data-transparent="1"` : "",
  ].join("");
  const snippet = `<script src="${origin}/embed.js" data-letter="${slug}"${attrs} async></script>`;
  const query = new URLSearchParams({ theme, size, ...(lang ? { lang } : {}), ...(transparent ? { transparent: "1" } : {}) });

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.current?.contentWindow || event.data?.type !== "open-letters:height") return;
      setHeight(Math.max(40, Math.min(2000, Math.ceil(event.data.height))));
    };
    window.addEventListener("message", onMessage);
    // The frame may have told its height before this page was listening: ask again.
    frame.current?.contentWindow?.postMessage({ type: "open-letters:measure" }, "*");
    return () => window.removeEventListener("message", onMessage);
  }, []);

  const select = "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="space-y-5">
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">{words.options}</legend>
          <label className="text-sm font-medium text-stone-800">
            {words.theme}
            <select className={select} value={theme} onChange={(e) => setTheme(e.target.value)}>
              {THEMES.map((value) => <option key={value} value={value}>{words.themes[value]}</option>)}
            </select>
          </label>
          <label className="text-sm font-medium text-stone-800">
            {words.size}
            <select className={select} value={size} onChange={(e) => setSize(e.target.value as keyof typeof WIDTHS)}>
              {SIZES.map((value) => <option key={value} value={value}>{words.sizes[value]}</option>)}
            </select>
          </label>
          <label className="text-sm font-medium text-stone-800">
            {words.language}
            <select className={select} value={lang} onChange={(e) => setLang(e.target.value)}>
              <option value="">{words.visitorsLanguage}</option>
              {LANGS.map(([value, label]) => <option key={value} value={value} lang={value}>{label}</option>)}
            </select>
          </label>
          <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-stone-800">
            <input type="checkbox" className="size-4 accent-brand-600" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} />
            {words.transparent}
          </label>
        </fieldset>
        <div>
          <div className="flex items-center justify-between gap-3">
            <h2 className="text-sm font-semibold text-stone-900">{words.paste}</h2>
            <CopyButton text={snippet} label={words.copy} copied={words.copied} />
          </div>
          <pre dir="ltr" className="mt-2 overflow-x-auto whitespace-pre-wrap break-all rounded-lg bg-stone-900 p-4 text-xs leading-relaxed text-stone-100" data-testid="embed-snippet">
            {snippet}
          </pre>
          <p className="mt-2 text-xs text-stone-600">
            {words.snippetNote}
          </p>
        </div>
      </div>
      <div>
        <h2 className="text-sm font-semibold text-stone-900">{words.preview}</h2>
        <div className={`mt-2 grid place-items-center rounded-xl border border-stone-200 p-6 ${theme === "dark" ? "bg-stone-800" : "bg-stone-100"}`}>
          <iframe
            ref={frame}
            key={String(query)}
            title={words.previewTitle}
            src={`/embed/${slug}?${query}`}
            scrolling="no"
            onLoad={(e) => e.currentTarget.contentWindow?.postMessage({ type: "open-letters:measure" }, "*")}
            style={{ width: WIDTHS[size], maxWidth: "100%", height, border: 0, colorScheme: "normal" }}
            data-testid="embed-preview"
          />
        </div>
      </div>
    </div>
  );
}

export function CopyButton({ text, label, copied: copiedLabel }: { text: string; label: string; copied: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50"
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2500);
      }}
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </button>
  );
}
