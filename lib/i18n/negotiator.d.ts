// negotiator ships no types; this is the one method used (lib/i18n/negotiate-language.ts).
declare module "negotiator" {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    languages(available?: string[]): string[];
  }
}
