import { describe, expect, it } from "vitest";
import { emailMatchesWebsite } from "./domain-match";

describe("emailMatchesWebsite", () => {
  it("matches subdomains of the same registrable domain", () => {
    expect(emailMatchesWebsite("press@eu.example.org", "https://www.example.org")).toBe(true);
    expect(emailMatchesWebsite("press@example.org", "https://www.example.org/about")).toBe(true);
    expect(emailMatchesWebsite("press@example.org", "http://example.org")).toBe(true);
  });

  it("ignores case", () => {
    expect(emailMatchesWebsite("Press@Example.ORG", "https://WWW.example.org")).toBe(true);
  });

  it("knows public suffixes: two sites under co.uk are different organisations", () => {
    expect(emailMatchesWebsite("a@foo.co.uk", "https://bar.co.uk")).toBe(false);
    expect(emailMatchesWebsite("a@mail.foo.co.uk", "https://www.foo.co.uk")).toBe(true);
  });

  it("does not match different domains, or a domain that merely ends the same way", () => {
    expect(emailMatchesWebsite("press@example.org", "https://example.com")).toBe(false);
    expect(emailMatchesWebsite("press@notexample.org", "https://example.org")).toBe(false);
    expect(emailMatchesWebsite("press@example.org.evil.com", "https://example.org")).toBe(false);
  });

  it("treats tenants of a shared host (a private suffix) as different organisations", () => {
    expect(emailMatchesWebsite("me@evil.duckdns.org", "https://victim.duckdns.org")).toBe(false);
    expect(emailMatchesWebsite("me@someone.github.io", "https://other.github.io")).toBe(false);
  });

  it("is false without a website", () => {
    expect(emailMatchesWebsite("press@example.org", null)).toBe(false);
    expect(emailMatchesWebsite("press@example.org", undefined)).toBe(false);
    expect(emailMatchesWebsite("press@example.org", "")).toBe(false);
  });

  it("is false when neither side has a registrable domain", () => {
    expect(emailMatchesWebsite("root@localhost", "http://localhost")).toBe(false);
  });
});
