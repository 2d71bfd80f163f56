import { getDomain } from "tldts";

/**
 * Whether an organisation's contact writes from the organisation's own domain: the
 * registrable domain (public suffix list, via tldts) of the email and of the website
 * are the same. "press@eu.example.org" matches "https://www.example.org".
 */
export function emailMatchesWebsite(email: string, website: string | null | undefined): boolean {
  if (!website) return false;
  // Private suffixes count (github.io, duckdns.org...): two tenants of one shared host
  // are different organisations.
  const options = { allowPrivateDomains: true };
  const emailDomain = getDomain(email.slice(email.lastIndexOf("@") + 1), options);
  const siteDomain = getDomain(website, options);
  return emailDomain !== null && emailDomain === siteDomain;
}
