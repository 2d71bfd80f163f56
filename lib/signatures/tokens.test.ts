import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { TOKEN_LIFETIME_MS, createToken, hashToken, looksLikeToken } from "./tokens";

const sha256 = (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex");

describe("createToken", () => {
  it("gives a 43-character base64url token carrying at least 128 random bits", () => {
    const { token } = createToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // 43 base64url characters decode to 32 bytes: 256 bits
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
  });

  it("gives a different token every time", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => createToken().token));
    expect(tokens.size).toBe(1000);
  });

  it("keeps the SHA-256 hex of the token as its hash, never the token itself", () => {
    const { token, tokenHash } = createToken();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(sha256(token));
    expect(tokenHash).not.toContain(token);
    expect(hashToken(token)).toBe(tokenHash);
  });

  it("expires exactly 7 days after now", () => {
    const now = new Date("2024-03-01T12:00:00.000Z");
    const { expiresAt } = createToken(now);
    expect(TOKEN_LIFETIME_MS).toBe(7 * 24 * 60 * 60 * 1000);
    expect(expiresAt.toISOString()).toBe("2024-03-08T12:00:00.000Z");
  });
});

describe("looksLikeToken", () => {
  it("accepts a token createToken made", () => {
    expect(looksLikeToken(createToken().token)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["too short", "a".repeat(42)],
    ["too long", "a".repeat(44)],
    ["standard base64 characters", `${"a".repeat(41)}+/`],
    ["padding", `${"a".repeat(42)}=`],
    ["a path", `../${"a".repeat(40)}`],
    ["spaces", ` ${"a".repeat(42)}`],
  ])("rejects %s", (_label, value) => {
    expect(looksLikeToken(value)).toBe(false);
  });
});
