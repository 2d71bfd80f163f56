// The header by which proxy.ts tells the app which language a request is answered in.
// proxy.ts strips any a client sends, so only the proxy's negotiation sets it
// (i18n/request.ts reads it; lib/i18n/negotiate-language.ts decides it).
export const LANGUAGE_HEADER = "x-open-letters-language";

// Set by proxy.ts, with the language, when the reader named it in ?lang= (and stripped
// from any client's request like the language): the links of a page then carry it on
// (lib/i18n/language-links.ts), since their browser would otherwise ask for another.
export const LANGUAGE_CHOSEN_HEADER = "x-open-letters-language-chosen";
