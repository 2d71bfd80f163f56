import { getDomain } from "tldts";

/**
 * Whether an organisation's contact writes from the organisation's own domain: the
 * registrable domain (public suffix list, via tldts) of the email and of the website
 * are the same. "press@eu.example.org" matches "https://www.example.org".
 */
export function emailMatchesWebsite(email: string, website: string | null | undefined): boolean {
  if (!website) return false;
  const emailDomain = getDomain(email.slice(email.lastIndexOf("@") + 1));
  const siteDomain = getDomain(website);
  return emailDomain !== null && emailDomain === siteDomain;
}
