import ipaddr from "ipaddr.js";
import { BLOCK_KIND_LABEL, asciiDomain, type BlockKind } from "../validation/block-rule";

// The block lists made ready for matching, once per change of the rules: exact domains
// and addresses in Maps (one look-up each, however many rules), "*." domains looked up
// by each suffix of the signer's domain (a handful of look-ups), and ranges parsed once
// into a list. Rules arrive in the stored forms of lib/validation/block-rule.ts.

export interface BlockRuleRow {
  id: string;
  kind: string;
  value: string;
  reason: string;
}

export interface BlockMatcher {
  /** The first rule that blocks this signer, or null. */
  blocking(subject: { ip?: string; emailDomain: string; emailCanonical: string }): BlockRuleRow | null;
  /** Whether the address is in an allowed range. */
  allows(ip: string | undefined): boolean;
}

type Range = { range: [ipaddr.IPv4 | ipaddr.IPv6, number]; rule: BlockRuleRow };

export function compileBlockRules(rules: readonly BlockRuleRow[]): BlockMatcher {
  const addresses = new Map<string, BlockRuleRow>();
  const domains = new Map<string, BlockRuleRow>();
  const wildcards = new Map<string, BlockRuleRow>();
  const blocked: Range[] = [];
  const allowed: Range[] = [];
  for (const rule of rules) {
    if (rule.kind === "address") addresses.set(rule.value, rule);
    else if (rule.kind === "domain" && rule.value.startsWith("*.")) wildcards.set(rule.value.slice(2), rule);
    else if (rule.kind === "domain") domains.set(rule.value, rule);
    else if (rule.kind === "network" || rule.kind === "allow_network") {
      const range = parseRange(rule.value);
      if (range) (rule.kind === "network" ? blocked : allowed).push({ range, rule });
    }
  }

  return {
    blocking({ ip, emailDomain, emailCanonical }) {
      const domain = ascii(emailDomain);
      const address = addresses.size ? addresses.get(asciiAddress(emailCanonical)) : undefined;
      return address ?? domains.get(domain) ?? wildcardFor(domain) ?? rangeFor(blocked, ip);
    },
    allows(ip) {
      return rangeFor(allowed, ip) !== null;
    },
  };

  // "a.b.example.org" looks up "a.b.example.org", "b.example.org", "example.org" and "org".
  function wildcardFor(domain: string): BlockRuleRow | null {
    if (wildcards.size === 0) return null;
    for (let suffix = domain; ; suffix = suffix.slice(suffix.indexOf(".") + 1)) {
      const found = wildcards.get(suffix);
      if (found) return found;
      if (!suffix.includes(".")) return null;
    }
  }
}

function rangeFor(ranges: Range[], ip: string | undefined): BlockRuleRow | null {
  if (ranges.length === 0 || !ip) return null;
  const address = parseAddress(ip);
  if (!address) return null;
  for (const { range, rule } of ranges) {
    if (range[0].kind() === address.kind() && address.match(range)) return rule;
  }
  return null;
}

/** The client's address; an IPv4-mapped IPv6 address ("::ffff:203.0.113.5") is the IPv4 one. */
function parseAddress(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return ipaddr.process(ip.trim());
  } catch {
    return null;
  }
}

function parseRange(value: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  try {
    return ipaddr.parseCIDR(value);
  } catch {
    return null;
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

function ascii(domain: string): string {
  const lower = domain.toLowerCase();
  return NON_ASCII.test(lower) ? (asciiDomain(lower) ?? lower) : lower;
}

function asciiAddress(canonical: string): string {
  const at = canonical.lastIndexOf("@");
  return `${canonical.slice(0, at)}@${ascii(canonical.slice(at + 1))}`;
}

/** What moderators read: "Blocked domain *.example.org: spam wave of 12 March". */
export function blockReason(rule: BlockRuleRow): string {
  return `${BLOCK_KIND_LABEL[rule.kind as BlockKind] ?? "Blocked"} ${rule.value}: ${rule.reason}`;
}
