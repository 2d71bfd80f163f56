import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../env";
import { clientIp, isLoopbackClient } from "./client-address";
import { CLIENT_ADDRESS_HEADER, FORWARDED_HEADER, PEER_ADDRESS_HEADER, clientAddressOf, parseTrustedProxies, wasForwarded } from "./trusted-proxies.mjs";

/** A request as Node's server hands it to scripts/server.mjs. */
const request = (socket: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: socket }, connection: { remoteAddress: socket }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as unknown as IncomingMessage;

const resolve = (trusted: string | undefined, socket: string, forwardedFor?: string) => clientAddressOf(request(socket, forwardedFor), parseTrustedProxies(trusted));

describe("the client's address (TRUSTED_PROXIES)", () => {
  it("is the socket's by default, whatever X-Forwarded-For claims", () => {
    expect(resolve(undefined, "198.51.100.7", "203.0.113.1")).toBe("198.51.100.7");
    expect(resolve("", "198.51.100.7", "203.0.113.1, 203.0.113.2")).toBe("198.51.100.7");
  });

  it("with a hop count, is the entry that many proxies back, and no further", () => {
    // The client claimed 10.0.0.1; the one proxy appended the address it saw.
    expect(resolve("1", "192.0.2.10", "10.0.0.1, 198.51.100.7")).toBe("198.51.100.7");
    expect(resolve("2", "192.0.2.10", "10.0.0.1, 198.51.100.7, 192.0.2.20")).toBe("198.51.100.7");
    // Fewer entries than hops: the earliest there is.
    expect(resolve("3", "192.0.2.10", "198.51.100.7")).toBe("198.51.100.7");
  });

  it("with ranges, walks back through the trusted proxies only", () => {
    expect(resolve("10.0.0.0/8, loopback", "127.0.0.1", "203.0.113.9, 10.1.2.3")).toBe("203.0.113.9");
    // A hop outside the ranges is the client, whatever it forwards.
    expect(resolve("10.0.0.0/8", "198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
    expect(resolve("2001:db8::/32", "2001:db8::1", "2001:db8:ffff::2, 2001:db8::5")).toBe("2001:db8:ffff::2");
  });

  it("refuses a setting it cannot read, naming the variable and what to write", () => {
    for (const value of ["10.0.0.0/99", "proxies", "1.2.3"]) {
      expect(() => parseEnv({ TRUSTED_PROXIES: value })).toThrow(ConfigError);
      expect(() => parseEnv({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES: .*number of proxies/);
    }
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe("2");
  });
});

describe("the key limits and flags use", () => {
  const keyOf = (address: string) => clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: address }));

  it("is an IPv4 address as it is, and an IPv4 client on a dual-stack socket the same", () => {
    expect(keyOf("198.51.100.7")).toBe("198.51.100.7");
    expect(keyOf("::ffff:198.51.100.7")).toBe("198.51.100.7");
  });

  it("is an IPv6 client's /64: fresh addresses within it share one key", () => {
    expect(keyOf("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(keyOf("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(keyOf("2001:db8:1:2::9"));
    expect(keyOf("2001:db8:1:3::9")).not.toBe(keyOf("2001:db8:1:2::9"));
  });

  it("ignores a client's own X-Forwarded-For and X-Real-IP entirely", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.1", "x-real-ip": "203.0.113.2" }))).toBe("unknown");
  });
});

describe("a loopback client (the local mailbox)", () => {
  const headers = (peer: string, client: string, forwarded = "0") =>
    new Headers({ [PEER_ADDRESS_HEADER]: peer, [CLIENT_ADDRESS_HEADER]: client, [FORWARDED_HEADER]: forwarded });

  it("is one whose connection and address are both on this machine", () => {
    expect(isLoopbackClient(headers("127.0.0.1", "127.0.0.1"))).toBe(true);
    expect(isLoopbackClient(headers("::1", "::1"))).toBe(true);
    expect(isLoopbackClient(headers("::ffff:127.0.0.1", "127.0.0.1"))).toBe(true);
  });

  it("is not a remote client behind a proxy on this machine, nor a remote connection claiming loopback", () => {
    expect(isLoopbackClient(headers("127.0.0.1", "203.0.113.9"))).toBe(false);
    expect(isLoopbackClient(headers("203.0.113.9", "127.0.0.1"))).toBe(false);
    expect(isLoopbackClient(new Headers())).toBe(false);
  });

  it("is not a request something relayed, even from loopback: a proxy or a tunnel may carry a visitor from anywhere", () => {
    expect(isLoopbackClient(headers("127.0.0.1", "127.0.0.1", "1"))).toBe(false);
    for (const name of ["x-forwarded-for", "forwarded", "x-real-ip", "via"]) {
      expect(wasForwarded({ headers: { [name]: "203.0.113.9" } } as unknown as IncomingMessage), name).toBe(true);
    }
    expect(wasForwarded({ headers: { host: "localhost" } } as unknown as IncomingMessage)).toBe(false);
  });
});
