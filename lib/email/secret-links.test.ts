import crypto from "node:crypto";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { TOKEN_LIFETIME_MS } from "../signatures/tokens";
import { REMOVED, linkExpiresAt, redactEmail } from "./secret-links";
import { renderEmail } from "./send-email";
import { AdminSignInEmail } from "./templates/admin-sign-in";
import { AlreadySignedEmail } from "./templates/already-signed";
import { OrganizationAwaitingReviewEmail } from "./templates/organization-awaiting-review";
import { ConfirmSignatureEmail } from "./templates/confirm-signature";

const token = () => crypto.randomBytes(32).toString("base64url");

describe("redacting a message's secret links", () => {
  it("takes the token out of a confirmation link in both bodies and leaves the rest of the message", async () => {
    const secret = token();
    const email = await renderEmail({
      template: "signature-confirm", to: "a@example.org", subject: "Confirm",
      element: createElement(ConfirmSignatureEmail, {
        name: "Ada", letterTitle: "A letter", confirmUrl: `https://letters.example.org/verify/${secret}`,
        withdrawUrl: `https://letters.example.org/withdraw/${secret}`, notMeUrl: `https://letters.example.org/withdraw/${secret}?reason=not-me`,
      }),
    });
    expect(email.html + email.text).toContain(secret);
    const redacted = redactEmail(email);
    expect(redacted.html + redacted.text).not.toContain(secret);
    expect(redacted.text).toContain(`https://letters.example.org/verify/${REMOVED}`);
    expect(redacted.html).toContain(`/verify/${REMOVED}`);
    expect(redacted.text).toContain(`https://letters.example.org/withdraw/${REMOVED}?reason=not-me`);
    expect(redacted.text).toContain("Ada");
  });

  it("takes the token out of a sign-in link, whose query string HTML writes with &amp;", async () => {
    const secret = crypto.randomBytes(32).toString("hex");
    const url = `https://letters.example.org/api/auth/callback/resend?callbackUrl=https%3A%2F%2Fletters.example.org%2Fadmin&token=${secret}&email=a%40example.org`;
    const email = await renderEmail({ template: "admin-sign-in", to: "a@example.org", subject: "Sign in", element: createElement(AdminSignInEmail, { url }) });
    expect(email.html).toContain(`&amp;token=${secret}`);
    const redacted = redactEmail(email);
    expect(redacted.html + redacted.text).not.toContain(secret);
    expect(redacted.text).toContain(`token=${REMOVED}`);
  });

  it("takes the token out of an \"already signed\" message's withdrawal link and keeps the letter's address", async () => {
    const secret = token();
    const letterUrl = "https://letters.example.org/letters/a-very-long-slug-for-a-letter";
    const email = await renderEmail({
      template: "already-signed", to: "a@example.org", subject: "Already signed",
      element: createElement(AlreadySignedEmail, { letterTitle: "A letter", letterUrl, withdrawUrl: `https://letters.example.org/withdraw/${secret}` }),
    });
    const redacted = redactEmail(email);
    expect(redacted.html + redacted.text).not.toContain(secret);
    expect(redacted.text).toContain(letterUrl);
  });

  it("leaves a message without a secret as it was", async () => {
    const email = await renderEmail({
      template: "organization-awaiting-review", to: "a@example.org", subject: "Waiting for review",
      element: createElement(OrganizationAwaitingReviewEmail, {
        name: "Ada", organizationName: "Example Org", letterTitle: "A letter", letterUrl: "https://letters.example.org/letters/a-very-long-slug-for-a-letter",
      }),
    });
    expect(redactEmail(email)).toEqual({ html: email.html, text: email.text });
  });

  it("knows how long each kind of link works", () => {
    const createdAt = new Date("2024-03-01T12:00:00Z");
    expect(linkExpiresAt({ template: "signature-confirm", createdAt })?.getTime()).toBe(createdAt.getTime() + TOKEN_LIFETIME_MS);
    expect(linkExpiresAt({ template: "admin-sign-in", createdAt })?.toISOString()).toBe("2024-03-01T12:15:00.000Z");
    expect(linkExpiresAt({ template: "already-signed", createdAt })?.getTime()).toBe(createdAt.getTime() + TOKEN_LIFETIME_MS);
    expect(linkExpiresAt({ template: "organization-awaiting-review", createdAt })).toBeNull();
  });
});
