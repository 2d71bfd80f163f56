import "server-only";
import ipaddr from "ipaddr.js";
import { CLIENT_ADDRESS_HEADER, FORWARDED_HEADER, PEER_ADDRESS_HEADER } from "./trusted-proxies.mjs";

// Who a request comes from, as the app's own server (scripts/server.mjs) found it: the
// socket's address, or through the proxies TRUSTED_PROXIES names, the address they saw.
// Nothing a client sends is believed: the server overwrites both headers on every request.

let warned = false;

function parsed(headers: Headers, name: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const value = headers.get(name);
  if (!value || !ipaddr.isValid(value)) return null;
  const address = ipaddr.parse(value);
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

/**
 * The key rate limits and flags use for the client: an IPv4 address as it is, an IPv6
 * address by its /64 (one household or one server's whole range: handing out a fresh
 * address per request is free within it). "unknown" when the app was started without
 * its server, which says so once.
 */
export function clientIp(headers: Headers): string {
  const address = parsed(headers, CLIENT_ADDRESS_HEADER);
  if (!address) {
    if (!warned) {
      warned = true;
      console.warn("[http] no client address on a request: start the app with npm start (scripts/server.mjs), not next start");
    }
    return "unknown";
  }
  if (address.kind() === "ipv4") return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}

/**
 * True when the client is on this machine: the connection and the client it speaks for
 * are loopback, and nothing relayed the request (a proxy, or a tunnel that says so with
 * a forwarding header, may be carrying a visitor from anywhere).
 */
export function isLoopbackClient(headers: Headers): boolean {
  if (headers.get(FORWARDED_HEADER) !== "0") return false;
  return [PEER_ADDRESS_HEADER, CLIENT_ADDRESS_HEADER].every((name) => parsed(headers, name)?.range() === "loopback");
}
