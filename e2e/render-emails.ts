// Prints every email template rendered as it is sent (through renderEmail), as JSON
// { name: html }, for the accessibility spec. Run with the server-only hook:
// node --import ./scripts/server-only-hook.mjs --import tsx e2e/render-emails.ts
import { createElement, type FunctionComponent } from "react";
import { renderEmail } from "../lib/email/send-email";
import { AdminSignInEmail } from "../lib/email/templates/admin-sign-in";
import { AlreadySignedEmail } from "../lib/email/templates/already-signed";
import { ConfirmSignatureEmail } from "../lib/email/templates/confirm-signature";
import { DataRequestEmail } from "../lib/email/templates/data-request";
import { OrganizationAwaitingReviewEmail } from "../lib/email/templates/organization-awaiting-review";

// Each template with its preview props (its defaults), and the organisation variants.
const templates: [string, FunctionComponent<never>, Record<string, unknown>][] = [
  ["admin-sign-in", AdminSignInEmail, {}],
  ["already-signed", AlreadySignedEmail, {}],
  ["confirm-signature", ConfirmSignatureEmail, {}],
  ["confirm-signature (organisation)", ConfirmSignatureEmail, { organizationName: "Example Digital Rights" }],
  ["data-request", DataRequestEmail, {}],
  ["organization-awaiting-review", OrganizationAwaitingReviewEmail, {}],
];

const rendered: Record<string, string> = {};
for (const [name, component, props] of templates) {
  const element = createElement(component as FunctionComponent<Record<string, unknown>>, props);
  rendered[name] = (await renderEmail({ template: name, to: "reader@example.org", subject: name, element })).html;
}
process.stdout.write(JSON.stringify(rendered));
