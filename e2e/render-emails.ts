// Prints every email template rendered as it is sent (through renderEmail), as JSON
// { name: html }, for the accessibility spec: each in every language the product speaks
// ("confirm-signature (ar)"; English without a suffix), bar the admin sign-in, which is
// English for everyone. Run with the server-only hook:
// node --import ./scripts/server-only-hook.mjs --import tsx e2e/render-emails.ts
import { createElement, type FunctionComponent } from "react";
import { emailLanguage } from "../lib/email/email-language";
import { renderEmail } from "../lib/email/send-email";
import { AdminSignInEmail } from "../lib/email/templates/admin-sign-in";
import { AlreadySignedEmail } from "../lib/email/templates/already-signed";
import { ConfirmSignatureEmail } from "../lib/email/templates/confirm-signature";
import { DataRequestEmail } from "../lib/email/templates/data-request";
import { LetterUpdateEmail } from "../lib/email/templates/letter-update";
import { OrganizationAwaitingReviewEmail } from "../lib/email/templates/organization-awaiting-review";
import { WebhookDisabledEmail } from "../lib/email/templates/webhook-disabled";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "../lib/i18n/languages";

// Each template with its preview props (its defaults), and the organisation variants.
const templates: [string, FunctionComponent<never>, Record<string, unknown>][] = [
  ["already-signed", AlreadySignedEmail, {}],
  ["confirm-signature", ConfirmSignatureEmail, {}],
  ["confirm-signature (organisation)", ConfirmSignatureEmail, { organizationName: "Example Digital Rights" }],
  ["data-request", DataRequestEmail, {}],
  ["organization-awaiting-review", OrganizationAwaitingReviewEmail, {}],
  ["letter-update", LetterUpdateEmail, {}],
];

const render = async (name: string, component: FunctionComponent<never>, props: Record<string, unknown>) => {
  const element = createElement(component as FunctionComponent<Record<string, unknown>>, props);
  return (await renderEmail({ template: name, to: "reader@example.org", subject: name, element })).html;
};

// Admins' emails are in English only.
const rendered: Record<string, string> = {
  "admin-sign-in": await render("admin-sign-in", AdminSignInEmail, {}),
  "webhook-disabled": await render("webhook-disabled", WebhookDisabledEmail, {}),
};
for (const code of LANGUAGE_CODES) {
  const language = await emailLanguage(code);
  for (const [name, component, props] of templates) {
    rendered[code === DEFAULT_LANGUAGE ? name : `${name} (${code})`] = await render(name, component, { ...props, language });
  }
}
process.stdout.write(JSON.stringify(rendered));
