import type { WidgetOptions } from "./options";

// The widget's few words in each language it offers. `{percent}` and `{goal}` are
// filled in on the server and again by the widget's script when the count moves.

export interface WidgetStrings {
  one: string;
  many: string;
  goal: string;
  goalReached: string;
  topCountries: string;
  sign: string;
  read: string;
  individuals: string;
  organizations: string;
  live: string;
  empty: string;
}

export const STRINGS: Record<WidgetOptions["lang"], WidgetStrings> = {
  en: { one: "signature", many: "signatures", goal: "{percent}% of the goal of {goal}", goalReached: "Goal of {goal} reached", topCountries: "Top countries", sign: "Sign the letter", read: "Read the letter", individuals: "individuals", organizations: "organisations", live: "Live count", empty: "Be the first to sign." },
  fr: { one: "signature", many: "signatures", goal: "{percent} % de l’objectif de {goal}", goalReached: "Objectif de {goal} atteint", topCountries: "Principaux pays", sign: "Signer la lettre", read: "Lire la lettre", individuals: "personnes", organizations: "organisations", live: "Compteur en direct", empty: "Soyez la première personne à signer." },
  de: { one: "Unterschrift", many: "Unterschriften", goal: "{percent} % des Ziels von {goal}", goalReached: "Ziel von {goal} erreicht", topCountries: "Top-Länder", sign: "Brief unterschreiben", read: "Brief lesen", individuals: "Einzelpersonen", organizations: "Organisationen", live: "Live-Zähler", empty: "Unterschreiben Sie als Erste." },
  es: { one: "firma", many: "firmas", goal: "{percent} % del objetivo de {goal}", goalReached: "Objetivo de {goal} alcanzado", topCountries: "Países principales", sign: "Firmar la carta", read: "Leer la carta", individuals: "personas", organizations: "organizaciones", live: "Contador en directo", empty: "Sé la primera persona en firmar." },
  it: { one: "firma", many: "firme", goal: "{percent}% dell’obiettivo di {goal}", goalReached: "Obiettivo di {goal} raggiunto", topCountries: "Paesi principali", sign: "Firma la lettera", read: "Leggi la lettera", individuals: "persone", organizations: "organizzazioni", live: "Conteggio in diretta", empty: "Firma per primo." },
  nl: { one: "handtekening", many: "handtekeningen", goal: "{percent}% van het doel van {goal}", goalReached: "Doel van {goal} bereikt", topCountries: "Toplanden", sign: "Onderteken de brief", read: "Lees de brief", individuals: "personen", organizations: "organisaties", live: "Live teller", empty: "Teken als eerste." },
  pt: { one: "assinatura", many: "assinaturas", goal: "{percent}% da meta de {goal}", goalReached: "Meta de {goal} alcançada", topCountries: "Principais países", sign: "Assinar a carta", read: "Ler a carta", individuals: "pessoas", organizations: "organizações", live: "Contagem ao vivo", empty: "Seja a primeira pessoa a assinar." },
};
