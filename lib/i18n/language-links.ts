import "server-only";
import { headers } from "next/headers";
import { LANGUAGE_CHOSEN_HEADER, LANGUAGE_HEADER } from "./request-language";

/** A path of this site with `?lang=language` added (its query and fragment kept), or as it is for null. */
export function hrefInLanguage(href: string, language: string | null): string {
  if (!language) return href;
  const url = new URL(href, "http://site.invalid");
  url.searchParams.set("lang", language);
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The language this request's links carry on: the reader's, when they chose it in ?lang=
 * (proxy.ts says so), since their browser would ask for another on the next page; else
 * null, and links stay as they are. A letter page kept in memory is rendered with its
 * language in ?lang= (lib/letters/letter-page-from-memory.ts), so its links always name
 * the language that its every reader is reading it in.
 */
export async function linkLanguage(): Promise<string | null> {
  const request = await headers();
  return request.get(LANGUAGE_CHOSEN_HEADER) === "1" ? request.get(LANGUAGE_HEADER) : null;
}

/** How this request's page links to the site's other public pages (see linkLanguage). */
export async function languageLinks(): Promise<(href: string) => string> {
  const language = await linkLanguage();
  return (href) => hrefInLanguage(href, language);
}

/** An address for an action to send the reader to, in their chosen language (see linkLanguage) with other query values added. */
export async function withKeptLanguage(path: string, query: Record<string, string> = {}): Promise<string> {
  const language = await linkLanguage();
  const search = new URLSearchParams({ ...query, ...(language ? { lang: language } : {}) }).toString();
  return search ? `${path}?${search}` : path;
}
