import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import type { Prisma } from "../generated/prisma/client";
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
}

/** Renders outside the transaction: rendering is slow next to a write. */
export async function renderEmail(message: EmailMessage): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([
    render(message.element),
    render(message.element, { plainText: true }),
  ]);
  return { template: message.template, to: message.to, subject: message.subject, html, text };
}

export async function enqueueEmail(tx: Prisma.TransactionClient, email: RenderedEmail): Promise<void> {
  await tx.outboxEmail.create({ data: email });
}

/** Call after the transaction commits, so the worker need not wait for its next poll. */
export function emailsEnqueued(): void {
  wakeOutboxWorker();
}
