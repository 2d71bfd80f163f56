import { createElement, type FunctionComponent } from "react";
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES, languageDirection } from "../../i18n/languages";
import { emailLanguage, ENGLISH_EMAIL, inLanguage, type EmailLanguage } from "../email-language";
import { renderEmail } from "../send-email";
import { AlreadySignedEmail } from "./already-signed";
import { ConfirmSignatureEmail } from "./confirm-signature";
import { DataRequestEmail } from "./data-request";
import { LetterUpdateEmail } from "./letter-update";
import { OrganizationAwaitingReviewEmail } from "./organization-awaiting-review";

// Every email a signer can get, rendered in every language: each word is there (no key
// read out, no placeholder left), none of its main lines is left in English, and the
// document says its language and which way it runs.

const templates: [name: string, component: FunctionComponent<never>, props: Record<string, unknown>, heading: string, footer?: string][] = [
  ["confirm-signature", ConfirmSignatureEmail, {}, "confirmSignature.heading"],
  ["confirm-signature for an organisation", ConfirmSignatureEmail, { organizationName: "Example Rights" }, "confirmSignature.heading"],
  ["already-signed", AlreadySignedEmail, {}, "alreadySigned.heading"],
  ["organization-awaiting-review", OrganizationAwaitingReviewEmail, {}, "organizationAwaitingReview.heading"],
  ["data-request", DataRequestEmail, {}, "dataRequest.heading"],
  // An update's heading is the admin's subject, as written: its own line is the unsubscribe link.
  ["letter-update", LetterUpdateEmail, {}, "letterUpdate.unsubscribe", "letterUpdate.why"],
];

const render = (component: FunctionComponent<never>, props: Record<string, unknown>, language: EmailLanguage) =>
  renderEmail({
    template: "test",
    to: "reader@example.org",
    subject: "",
    element: createElement(component as FunctionComponent<Record<string, unknown>>, { ...props, language }),
  });

// A key read out ("confirmSignature.button"), or ICU left unformatted ("{title}", "<link>").
const LEFTOVERS = /\b(?:emails|confirmSignature|alreadySigned|organizationAwaitingReview|dataRequest|letterUpdate)\.\w|[{}]|<\/?(?:link|strong)>/;
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ");

describe("email templates", () => {
  describe.each(LANGUAGE_CODES)("in %s", (code) => {
    it.each(templates)("%s has every word, its language and its direction", async (_, component, props, heading, footer = "footer") => {
      const language = await emailLanguage(code);
      const { html, text } = await render(component, props, language);
      expect(html).toMatch(new RegExp(`<html[^>]* dir="${languageDirection(code)}"`));
      expect(html).toMatch(new RegExp(`<html[^>]* lang="${code}"`));
      expect(textOf(html)).not.toMatch(LEFTOVERS);
      expect(text).not.toMatch(LEFTOVERS);
      // (The plain text writes headings in capitals.)
      const lines = (email: EmailLanguage) =>
        [email.t(heading as "confirmSignature.heading"), email.t(footer as "footer")].map((line) => line.toLowerCase());
      for (const line of lines(language)) expect(text.toLowerCase()).toContain(line);
      if (code === "en") return;
      // Neither the heading nor the footer is left in English, in the HTML or the text.
      for (const line of lines(ENGLISH_EMAIL)) {
        expect(textOf(html).toLowerCase()).not.toContain(line);
        expect(text.toLowerCase()).not.toContain(line);
      }
    });
  });

  it("formats the numbers in a message for its language", async () => {
    const { text } = await render(DataRequestEmail, { signatureCount: 1234 }, await emailLanguage("de"));
    expect(text).toContain("1.234 Briefe");
  });

  it("keeps a title in another script apart from the sentence around it, so its punctuation stays at its own end", async () => {
    // An Arabic message names a letter not yet translated: without its own direction the
    // English title's "!" would be drawn on the Arabic sentence's side of it.
    const { html } = await render(ConfirmSignatureEmail, { letterTitle: "Keep encryption strong!" }, await emailLanguage("ar"));
    expect(html).toContain('<strong dir="auto">Keep encryption strong!</strong>');
  });

  it("writes a language it does not speak in English", async () => {
    expect((await emailLanguage("xx")).code).toBe("en");
    expect((await emailLanguage(null)).code).toBe("en");
  });
});

describe("inLanguage", () => {
  it("adds ?lang= to a link in any language but English, after a query the link has", () => {
    expect(inLanguage("http://letters.test/verify/abc", "en")).toBe("http://letters.test/verify/abc");
    expect(inLanguage("http://letters.test/verify/abc", "fr")).toBe("http://letters.test/verify/abc?lang=fr");
    expect(inLanguage("http://letters.test/withdraw/abc?reason=not-me", "ar")).toBe("http://letters.test/withdraw/abc?reason=not-me&lang=ar");
  });
});
