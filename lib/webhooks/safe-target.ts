import dns from "node:dns";
import ipaddr from "ipaddr.js";

// Where a webhook may go. A webhook is a request this server makes to an address an
// admin typed, so without care it reaches what only this server can reach: a metadata
// service (169.254.169.254), a database on localhost, the office network (server-side
// request forgery). So only https: URLs without credentials, whose host resolves only
// to public unicast addresses: every A and AAAA answer is checked, IP literals too in
// any notation (the URL parser writes 0x7f000001 and 2130706433 as 127.0.0.1, and
// IPv4-mapped or -compatible IPv6 is judged as the IPv4 address it carries). The check runs when an
// endpoint is registered and again before every delivery, whose connection then goes to
// the address checked (post-webhook.ts pins it), so a DNS answer that changes in between
// reaches nothing new. WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true lifts the address rule and
// allows http: (tests, intranets).

export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface WebhookTarget {
  url: URL;
  /** The checked address to connect to. */
  address: string;
  family: 4 | 6;
}

/** A URL this server will not call; the message says why, for the admin. */
export class TargetRefused extends Error {
  override name = "TargetRefused";
}

export async function checkWebhookTarget(
  text: string,
  { allowPrivate, lookup = systemLookup }: { allowPrivate: boolean; lookup?: Lookup },
): Promise<WebhookTarget> {
  const url = checkWebhookUrl(text, { allowPrivate });
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let answers: { address: string; family: number }[];
  if (ipaddr.isValid(host)) answers = [{ address: host, family: host.includes(":") ? 6 : 4 }];
  else {
    try {
      answers = await lookup(host);
    } catch {
      throw new TargetRefused(`${url.hostname} does not resolve to an address.`);
    }
    if (answers.length === 0) throw new TargetRefused(`${url.hostname} does not resolve to an address.`);
  }
  if (!allowPrivate) {
    for (const { address } of answers) {
      const range = addressRange(address);
      if (range !== "unicast") {
        const what = address === host ? address : `${url.hostname} resolves to ${address}, which`;
        throw new TargetRefused(`${what} is ${RANGE_WORDS[range] ?? "not a public address"}: webhooks only go to public addresses.`);
      }
    }
  }
  const { address, family } = answers[0];
  return { url, address, family: family === 6 ? 6 : 4 };
}

/** The URL's own rules (scheme, credentials), without resolving its host. */
export function checkWebhookUrl(text: string, { allowPrivate }: { allowPrivate: boolean }): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TargetRefused("This is not a URL. Write one such as https://hooks.example.org/letters.");
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) {
    throw new TargetRefused("Webhooks go to https: URLs only.");
  }
  if (url.username || url.password) throw new TargetRefused("Leave the user name and password out of the URL; each webhook is signed instead.");
  return url;
}

/**
 * ipaddr.js's name for the address's range; an IPv4-mapped (::ffff:a.b.c.d) or
 * IPv4-compatible (::a.b.c.d, deprecated, which ipaddr.js calls unicast) IPv6 address as
 * the IPv4 address it carries.
 */
export function addressRange(address: string): string {
  try {
    const parsed = ipaddr.process(address);
    const range = parsed.range();
    if (parsed.kind() === "ipv6" && range === "unicast" && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) {
      const parts = (parsed as ipaddr.IPv6).parts;
      return new ipaddr.IPv4([parts[6] >> 8, parts[6] & 0xff, parts[7] >> 8, parts[7] & 0xff]).range();
    }
    return range;
  } catch {
    return "invalid";
  }
}

const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback address (this machine)",
  private: "a private network address",
  linkLocal: "a link-local address",
  uniqueLocal: "a unique-local (private) address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  unspecified: "an unspecified address",
  reserved: "a reserved address",
};
