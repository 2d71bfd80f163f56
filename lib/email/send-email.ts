import "server-only";
import crypto from "node:crypto";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { canonicalEmail } from "../signatures/canonical-email";
import { wakeOutboxWorker } from "./outbox-signal";

// The one way to send email. A message is rendered (HTML and plain text) and written
// to the outbox inside the caller's transaction, so it exists exactly when the change
// that caused it does; the outbox worker delivers it later, with retries.

export interface EmailMessage {
  template: string;
  to: string;
  subject: string;
  element: ReactElement;
}

export interface RenderedEmail {
  template: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The signature the message is about: withdrawing it removes the message too. */
  signatureId?: string;
  /** Extra headers for the provider (List-Unsubscribe, ...). */
  headers?: Record<string, string>;
  /** The row's id, when the caller must know it before the insert (an update's recipient points to it). */
  id?: string;
}

/** Renders outside the transaction: rendering is slow next to a write. */
export async function renderEmail(message: EmailMessage): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([
    render(message.element),
    render(message.element, { plainText: true }),
  ]);
  return { template: message.template, to: message.to, subject: message.subject, html, text };
}

/**
 * The same message for many recipients, rendered once. React Email takes about 2.5 ms a
 * message, which would cap a viral letter's signing rate on its own; so a template is
 * rendered once per `key` (everything `build` reads besides the slots: the letter's title,
 * say) with markers in the slots, and each message fills them in, escaped as React would
 * escape them. A slot's value must only be shown, never tested or transformed by the
 * template (an absent optional slot is part of the shape, so `{x ? ... : ...}` is fine).
 */
export async function renderEmailTemplate<Slot extends string>({
  template,
  to,
  key,
  slots,
  build,
}: {
  template: string;
  to: string;
  key: string;
  slots: Record<Slot, string | undefined>;
  build: (slots: Record<Slot, string | undefined>) => { subject: string; element: ReactElement };
}): Promise<RenderedEmail> {
  const names = Object.keys(slots).sort() as Slot[];
  const shape = `${template}\u0000${key}\u0000${names.map((n) => `${n}=${slots[n] === undefined ? 0 : 1}`).join(",")}`;
  let compiled = compiledTemplates.get(shape);
  if (!compiled) {
    const markers = Object.fromEntries(names.map((n) => [n, slots[n] === undefined ? undefined : marker(n)])) as Record<Slot, string | undefined>;
    const { subject, element } = build(markers);
    compiled = renderEmail({ template, to: "", subject, element }).then(({ html, text }) => ({ subject, html, text }));
    if (compiledTemplates.size >= MAX_COMPILED) compiledTemplates.delete(compiledTemplates.keys().next().value!);
    compiledTemplates.set(shape, compiled);
    compiled.catch(() => compiledTemplates.delete(shape));
  }
  let { subject, html, text } = await compiled;
  for (const name of names) {
    const value = slots[name];
    if (value === undefined) continue;
    subject = subject.split(marker(name)).join(value);
    html = html.split(marker(name)).join(escapeLikeReact(value));
    // The plain-text conversion collapses runs of white space; so does the fill.
    text = text.split(marker(name)).join(value.replace(/\s+/g, " "));
  }
  return { template, to, subject, html, text };
}

const MAX_COMPILED = 500;
const compiledTemplates = new Map<string, Promise<{ subject: string; html: string; text: string }>>();
// Letters and digits only, so neither React nor the text conversion changes a marker;
// the per-process nonce keeps a letter's title from ever containing one.
const nonce = crypto.randomBytes(6).toString("hex");
const marker = (name: string) => `SLOT${nonce}${name.replace(/[^A-Za-z0-9]/g, "")}END`;

const REACT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
function escapeLikeReact(value: string): string {
  return value.replace(/[&<>"']/g, (c) => REACT_ESCAPES[c]);
}

/** One row in the outbox. */
export function enqueueEmail(tx: Prisma.TransactionClient, email: RenderedEmail, now = new Date()): Promise<void> {
  return enqueueEmails(tx, [email], now);
}

/** Rows in the outbox, one statement. Written out as SQL: signing enqueues one a signature (see signing-sql.ts). */
export async function enqueueEmails(tx: Pick<Prisma.TransactionClient, "$executeRaw">, emails: RenderedEmail[], now = new Date()): Promise<void> {
  if (emails.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "OutboxEmail" ("id", "template", "to", "subject", "html", "text", "status", "attempts", "nextAttemptAt", "createdAt",
      "signatureId", "toCanonical", "headers")
    VALUES ${Prisma.join(
      emails.map(
        (email) => Prisma.sql`(${email.id ?? newId(now.getTime())}, ${email.template}, ${email.to}, ${email.subject}, ${email.html}, ${email.text},
          'pending', 0, ${now}, ${now}, ${email.signatureId ?? null}, ${recipientKey(email.to)}, ${headersJson(email.headers)})`,
      ),
    )}`;
}

/** Extra headers as the outbox keeps them: JSON, or null for none. */
export const headersJson = (headers: Record<string, string> | undefined): string | null =>
  headers && Object.keys(headers).length > 0 ? JSON.stringify(headers) : null;

/** The recipient as a data request finds them: their canonical address (OutboxEmail.toCanonical). */
export const recipientKey = (to: string): string => canonicalEmail(to).canonical;

/** Call after the transaction commits, so the worker need not wait for its next poll. */
export function emailsEnqueued(): void {
  wakeOutboxWorker();
}
