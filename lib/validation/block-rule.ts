import ipaddr from "ipaddr.js";
import { z } from "zod";
import { canonicalEmail } from "../signatures/canonical-email";
import { noHiddenCharacters } from "./text-rules";

// An entry of the block lists (lib/defences/block-list.ts), as an admin types it on
// /admin/blocks. The same schema runs in the browser and in the server action, and
// turns the value into the one form the rules are stored and matched in:
// - "network" and "allow_network": a CIDR range, written from its first address in
//   the usual short form ("2001:DB8:0::1/32" is "2001:db8::/32"); a single address is
//   a range of one; an IPv4 range written as IPv4-mapped IPv6 is the IPv4 range;
// - "domain": lowercased, an international name as punycode; "*.example.org" covers
//   example.org itself and every name under it;
// - "address": the canonical address (lib/signatures/canonical-email.ts), so one rule
//   covers every spelling that reaches the same mailbox.

export const BLOCK_KINDS = ["network", "domain", "address", "allow_network"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** One entry of each list, as moderators read it in a signature's reason. */
export const BLOCK_KIND_LABEL: Record<BlockKind, string> = {
  network: "Blocked range",
  domain: "Blocked domain",
  address: "Blocked address",
  allow_network: "Allowed range",
};

/** Each list's name. */
export const BLOCK_LIST_TITLE: Record<BlockKind, string> = {
  network: "Blocked ranges",
  domain: "Blocked domains",
  address: "Blocked addresses",
  allow_network: "Allowed ranges",
};

/** The range in its stored form, or null when the text is not one. */
export function normaliseRange(text: string): string | null {
  const value = text.trim();
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  let bits: number;
  try {
    if (value.includes("/")) [address, bits] = ipaddr.parseCIDR(value);
    else if (ipaddr.isValid(value)) [address, bits] = [ipaddr.parse(value), value.includes(":") ? 128 : 32];
    else return null;
  } catch {
    return null;
  }
  // Only the strict forms: ipaddr.js also reads "10.1" or "0x0a.0.0.1" as IPv4, which no one means here.
  if (address.kind() === "ipv4" && !ipaddr.IPv4.isValidFourPartDecimal(value.split("/")[0])) return null;
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    [address, bits] = [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  const first = address.kind() === "ipv4"
    ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${bits}`)
    : ipaddr.IPv6.networkAddressFromCIDR(`${address}/${bits}`);
  return `${first.toString()}/${bits}`;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The domain (or "*." pattern) in its stored form, or null when the text is not one. */
export function normaliseDomain(text: string): string | null {
  const value = text.trim().toLowerCase().replace(/\.$/, "");
  const wildcard = value.startsWith("*.");
  const name = asciiDomain(wildcard ? value.slice(2) : value);
  if (!name || name.length > 253) return null;
  const labels = name.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) return null;
  return wildcard ? `*.${name}` : name;
}

/** An international domain name as punycode ("bücher.example" is "xn--bcher-kva.example"). */
export function asciiDomain(name: string): string | null {
  if (!name || /[\s/@:?#\\%*]/.test(name)) return null;
  try {
    return new URL(`http://${name}`).hostname;
  } catch {
    return null;
  }
}

/** The canonical address with its domain as punycode, or null when the text is not an address. */
export function normaliseAddress(text: string): string | null {
  const value = text.trim().toLowerCase();
  const at = value.lastIndexOf("@");
  if (at < 1) return null;
  const domain = normaliseDomain(value.slice(at + 1));
  if (!domain || domain.startsWith("*.")) return null;
  const address = `${value.slice(0, at)}@${domain}`;
  if (address.length > 254 || !z.email().safeParse(address).success) return null;
  return canonicalEmail(address).canonical;
}

const NORMALISE: Record<BlockKind, (text: string) => string | null> = {
  network: normaliseRange,
  allow_network: normaliseRange,
  domain: normaliseDomain,
  address: normaliseAddress,
};

const NOT_VALID: Record<BlockKind, (text: string) => string> = {
  network: (text) => `${text} is not a network range. Write an address with its prefix length, like 203.0.113.0/24 or 2001:db8::/32.`,
  allow_network: (text) => `${text} is not a network range. Write an address with its prefix length, like 203.0.113.0/24 or 2001:db8::/32.`,
  domain: (text) => `${text} is not a domain. Write a domain like example.org, or *.example.org for it and every name under it.`,
  address: (text) => `${text} is not an email address. Write one like name@example.org.`,
};

const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The value of one kind of entry, in its stored form: the field's own error when it is not one. */
const valueOf = (kind: BlockKind) =>
  z
    .string({ message: "Enter a value." })
    .trim()
    .min(1, "Enter a value.")
    .max(300, "Keep the value under 300 characters.")
    .transform((text, context) => {
      const value = NORMALISE[kind](text);
      if (value === null) context.addIssue({ code: "custom", message: NOT_VALID[kind](shown(text)) });
      return value ?? z.NEVER;
    });

const reason = z
  .string({ message: "Say why." })
  .trim()
  .min(1, "Say why, so other admins and moderators know.")
  .max(300, "Keep the reason under 300 characters.")
  .superRefine(noHiddenCharacters("The reason"));

// One object per kind, so that the value is checked (and its error shown) whatever the reason's state.
export const blockRuleInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("network"), value: valueOf("network"), reason }),
    z.object({ kind: z.literal("domain"), value: valueOf("domain"), reason }),
    z.object({ kind: z.literal("address"), value: valueOf("address"), reason }),
    z.object({ kind: z.literal("allow_network"), value: valueOf("allow_network"), reason }),
  ],
  { error: () => "Choose which list the entry goes on." },
);

export type BlockRuleInput = z.infer<typeof blockRuleInputSchema>;

export const blockRuleRemovalSchema = z.object({ id: z.string().min(1).max(40) });
