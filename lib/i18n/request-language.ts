// The header by which proxy.ts tells the app which language a request is answered in.
// proxy.ts strips any a client sends, so only the proxy's negotiation sets it
// (i18n/request.ts reads it; lib/i18n/negotiate-language.ts decides it).
export const LANGUAGE_HEADER = "x-open-letters-language";
