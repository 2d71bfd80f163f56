// Who the client is. Plain JavaScript: scripts/server.mjs reads it before Next.js starts,
// and lib/env.ts checks the same setting. See trusted-proxies.d.mts for the types.
import proxyaddr from "proxy-addr";

/**
 * The request header the app's own server (scripts/server.mjs) sets on every request to
 * the client's address. Whatever a client sends under this name is overwritten, so the
 * app may believe it; nothing else about the client's address is believed.
 */
export const CLIENT_ADDRESS_HEADER = "x-open-letters-client";
/** Likewise, the address of the connection itself (the nearest proxy, or the client). */
export const PEER_ADDRESS_HEADER = "x-open-letters-peer";
/** Likewise, "1" when the request came through a proxy (it carries a forwarding header), else "0". */
export const FORWARDED_HEADER = "x-open-letters-forwarded";

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip", "via"];

/** Whether a request says it was relayed: by a proxy, a tunnel, or a client pretending. */
export function wasForwarded(request) {
  return FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined);
}

/**
 * TRUSTED_PROXIES as proxy-addr's trust function: unset, no one is trusted (the socket's
 * address is the client); a number, that many proxies in front of the app (each adds one
 * X-Forwarded-For entry); else addresses, CIDR ranges or proxy-addr's names (loopback,
 * linklocal, uniquelocal), comma-separated. Throws an Error saying what is wrong.
 */
export function parseTrustedProxies(value) {
  const text = (value ?? "").trim();
  if (text === "") return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const list = text.split(",").map((entry) => entry.trim()).filter(Boolean);
  try {
    return proxyaddr.compile(list);
  } catch (error) {
    throw new Error(
      `${error.message}. Give the number of proxies in front of the app (1), or their addresses and ranges separated by commas (10.0.0.0/8, 2001:db8::/32, loopback)`,
    );
  }
}

/** The client's address: the socket's, or, through trusted proxies only, the X-Forwarded-For entry before them. */
export function clientAddressOf(request, trust) {
  return proxyaddr(request, trust);
}
