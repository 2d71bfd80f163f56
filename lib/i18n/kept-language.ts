import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { negotiateLanguage } from "./negotiate-language";

/**
 * The query that keeps a reader in this request's language on the page an action sends
 * them to: `{ lang }` when they chose it with ?lang= (their browser alone would give
 * another), else nothing, so the address stays as it was.
 */
export async function keptLanguage(): Promise<{ lang?: string }> {
  const [language, acceptLanguage] = await Promise.all([getLocale(), headers().then((h) => h.get("accept-language"))]);
  return negotiateLanguage({ acceptLanguage }) === language ? {} : { lang: language };
}

/** An address with the kept language and other query values added ("" when there are none). */
export async function withKeptLanguage(path: string, query: Record<string, string> = {}): Promise<string> {
  const search = new URLSearchParams({ ...query, ...(await keptLanguage()) }).toString();
  return search ? `${path}?${search}` : path;
}
