import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderEmail, renderEmailTemplate } from "./send-email";
import { ConfirmSignatureEmail } from "./templates/confirm-signature";

// A message filled into a template rendered once must be exactly what rendering it
// afresh gives, whatever the signer typed.

const title = `Keep "encryption" strong & <safe>`;
const build = (slots: { name?: string; confirmUrl?: string; withdrawUrl?: string; organizationName?: string }) => ({
  subject: `Confirm your signature: ${title}`,
  element: createElement(ConfirmSignatureEmail, {
    name: slots.name!,
    letterTitle: title,
    confirmUrl: slots.confirmUrl!,
    withdrawUrl: slots.withdrawUrl!,
    notMeUrl: `${slots.withdrawUrl!}?reason=not-me`,
    organizationName: slots.organizationName,
  }),
});

async function both({ name, confirmUrl, organizationName }: { name: string; confirmUrl: string; organizationName?: string }) {
  const slots = { name, confirmUrl, withdrawUrl: confirmUrl.replace("/verify/", "/withdraw/"), organizationName };
  const filled = await renderEmailTemplate({ template: "signature-confirm", to: "a@example.org", key: title, slots, build });
  const fresh = await renderEmail({ template: "signature-confirm", to: "a@example.org", ...build(slots) });
  return { filled, fresh };
}

describe("renderEmailTemplate", () => {
  it.each([
    ["plain", "Ada Lovelace", undefined],
    ["characters HTML escapes", `O'Brien & <Sons> "Ltd"`, undefined],
    ["an organisation", "Grace Hopper", `Examples & Co. <"Intl">`],
    ["a dollar pattern", "$& $1 $$", "$' org"],
    ["letters beyond ASCII", "Zoë Ŋ 李雷 مرحبا", undefined],
  ])("fills %s exactly as a fresh render", async (_, name, organizationName) => {
    const confirmUrl = `http://letters.test/verify/${"x".repeat(20)}-${name.length}`;
    const { filled, fresh } = await both({ name, confirmUrl, organizationName });
    expect(filled.html).toBe(fresh.html);
    expect(filled.text).toBe(fresh.text);
    expect(filled.subject).toBe(fresh.subject);
    expect(filled.to).toBe("a@example.org");
  });

  it("shows the value, not the marker, and nothing of another message", async () => {
    const first = await both({ name: "First Signer", confirmUrl: "http://letters.test/verify/first" });
    const second = await both({ name: "Second Signer", confirmUrl: "http://letters.test/verify/second" });
    expect(second.filled.text).toContain("Second Signer");
    expect(second.filled.text).not.toContain("First Signer");
    expect(second.filled.html).not.toContain("verify/first");
    expect(first.filled.html).not.toMatch(/SLOT[0-9a-f]+/);
  });

  it("renders the other shape when an optional slot is absent", async () => {
    const withOrg = await both({ name: "N", confirmUrl: "http://letters.test/verify/a", organizationName: "Org One" });
    const without = await both({ name: "N", confirmUrl: "http://letters.test/verify/a" });
    expect(withOrg.filled.text).toContain("on behalf of Org One");
    expect(without.filled.text).not.toContain("on behalf of");
  });
});
