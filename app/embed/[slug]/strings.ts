import { getTranslations } from "next-intl/server";
import { isLanguageCode, type LanguageCode } from "@/lib/i18n/languages";
import type { WidgetLang } from "./options";

// The widget's few words in each language it speaks. The product's languages take
// theirs from messages/<language>.json ("widget"), so a language added there needs no
// code here; Italian, Dutch and Portuguese, which the widget spoke before the product
// did, keep theirs below. `{percent}` and `{goal}` are filled in on the server and
// again by the widget's script when the count moves.

export interface WidgetStrings {
  /** The word after the count for each plural category of the language ("other" always). */
  units: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  goal: string;
  goalReached: string;
  topCountries: string;
  sign: string;
  read: string;
  individuals: string;
  organizations: string;
  live: string;
  empty: string;
  openLetter: string;
  statement: string;
}

const EXTRA: Record<Exclude<WidgetLang, LanguageCode>, WidgetStrings> = {
  it: { units: { one: "firma", other: "firme" }, goal: "{percent}% dell’obiettivo di {goal}", goalReached: "Obiettivo di {goal} raggiunto", topCountries: "Paesi principali", sign: "Firma la lettera", read: "Leggi la lettera", individuals: "persone", organizations: "organizzazioni", live: "Conteggio in diretta", empty: "Firma per primo.", openLetter: "Lettera aperta", statement: "Dichiarazione" },
  nl: { units: { one: "handtekening", other: "handtekeningen" }, goal: "{percent}% van het doel van {goal}", goalReached: "Doel van {goal} bereikt", topCountries: "Toplanden", sign: "Onderteken de brief", read: "Lees de brief", individuals: "personen", organizations: "organisaties", live: "Live teller", empty: "Teken als eerste.", openLetter: "Open brief", statement: "Verklaring" },
  pt: { units: { one: "assinatura", other: "assinaturas" }, goal: "{percent}% da meta de {goal}", goalReached: "Meta de {goal} alcançada", topCountries: "Principais países", sign: "Assinar a carta", read: "Ler a carta", individuals: "pessoas", organizations: "organizações", live: "Contagem ao vivo", empty: "Seja a primeira pessoa a assinar.", openLetter: "Carta aberta", statement: "Declaração" },
};

const loaded = new Map<WidgetLang, Promise<WidgetStrings>>();

/** The widget's words in `lang`, read once per process. */
export function widgetStrings(lang: WidgetLang): Promise<WidgetStrings> {
  let found = loaded.get(lang);
  if (!found) {
    found = isLanguageCode(lang) ? fromMessages(lang) : Promise.resolve(EXTRA[lang]);
    loaded.set(lang, found);
    found.catch(() => loaded.delete(lang));
  }
  return found;
}

async function fromMessages(lang: LanguageCode): Promise<WidgetStrings> {
  const t = await getTranslations({ locale: lang, namespace: "widget" });
  // The script picks the word by Intl.PluralRules, so it gets one per category: the
  // message formatted for the smallest count in each (Arabic has six; English two).
  const rules = new Intl.PluralRules(lang);
  const units: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (let count = 0; count <= 1000 && Object.keys(units).length < rules.resolvedOptions().pluralCategories.length; count++) {
    units[rules.select(count)] ??= t("signatures", { count });
  }
  // Placeholders passed through as themselves, for the script to fill.
  const placeholders = { percent: "{percent}", goal: "{goal}" };
  return {
    units: { other: t("signatures", { count: 1000 }), ...units },
    goal: t("goal", placeholders),
    goalReached: t("goalReached", placeholders),
    topCountries: t("topCountries"),
    sign: t("sign"),
    read: t("read"),
    individuals: t("individuals"),
    organizations: t("organizations"),
    live: t("live"),
    empty: t("empty"),
    openLetter: t("openLetter"),
    statement: t("statement"),
  };
}
