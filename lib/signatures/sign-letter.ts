import "server-only";
import { createElement } from "react";
import { db } from "../db";
import { appUrl } from "../app-url";
import { retryOnBusy } from "../db-retry";
import { letterNotFound, signingRefusal } from "../http/app-error";
import { emailsEnqueued, enqueueEmail, renderEmailTemplate, type RenderedEmail } from "../email/send-email";
import { ConfirmSignatureEmail } from "../email/templates/confirm-signature";
import { AlreadySignedEmail } from "../email/templates/already-signed";
import { getCachedPublicLetter } from "../letters/get-cached-public-letter";
import type { PublicLetter } from "../letters/get-public-letter";
import { getEnv } from "../env";
import { hashIp, signingFlags } from "../moderation/signing-flags";
import type { SignatureInput } from "../validation/signature";
import { canonicalEmail } from "./canonical-email";
import { addSignature, type NewSignature } from "./signing-batch";
import { findSignatureByEmail, holdUnverifiedSignature, insertConfirmationTokens } from "./signing-sql";
import { createToken } from "./tokens";

export type SignOutcome = "created" | "resent" | "already_signed";

/**
 * Records a signature request and queues the email that answers it. The caller shows
 * the same thing whatever the outcome, so no one can learn who has signed:
 * - a new address gets a pending signature and a confirmation link;
 * - an address that has not confirmed yet gets a fresh link that carries this request's
 *   details: the signature is changed only by confirming a link, and then to that
 *   link's details, so a stranger who knows the address cannot rewrite what its owner
 *   confirms;
 * - an address that has confirmed gets an "already signed" email, and nothing counts.
 */
export async function signLetter({ slug, input, ip }: { slug: string; input: SignatureInput; ip?: string }): Promise<SignOutcome> {
  // The letter as cached for the public feeds; the write checks its status again.
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  const refusal = signingRefusal(letter, input.kind);
  if (refusal) throw refusal;

  const { canonical, domain } = canonicalEmail(input.email);
  const signature: NewSignature = {
    letterId: letter.id,
    emailCanonical: canonical,
    details: {
      kind: input.kind,
      name: input.name,
      email: input.email,
      emailDomain: domain,
      country: input.country,
      title: input.kind === "individual" ? (input.title ?? null) : null,
      affiliation: input.kind === "individual" ? (input.affiliation ?? null) : null,
      organizationName: input.kind === "organization" ? input.organizationName : null,
      website: input.kind === "organization" ? input.website : null,
      comment: input.comment ?? null,
      listPublicly: input.listPublicly,
      consentAt: new Date(),
      ipHash: ip ? hashIp(ip, getEnv().AUTH_SECRET) : null,
    },
    ...(await confirmationFor(letter, input)),
  };

  // New addresses go in with the other signatures arriving now; an address already on
  // the letter is answered on its own. Should that signature vanish in between (a
  // moderator's deletion), the request starts over.
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await addSignature(signature)) === "created") {
      emailsEnqueued();
      return "created";
    }
    const outcome = await signAgain(letter, signature);
    if (outcome) return outcome;
  }
  throw new Error("the signature kept changing while it was being recorded");
}

/** A fresh token and the confirmation email that carries it. */
async function confirmationFor(letter: PublicLetter, input: SignatureInput) {
  const { token, tokenHash, expiresAt } = createToken();
  const email = await renderEmailTemplate({
    template: "signature-confirm",
    to: input.email,
    key: letter.title,
    slots: {
      name: input.name,
      confirmUrl: appUrl(`/verify/${token}`),
      organizationName: input.kind === "organization" ? input.organizationName : undefined,
    },
    build: (slots) => ({
      subject: `Confirm your signature: ${letter.title}`,
      element: createElement(ConfirmSignatureEmail, {
        name: slots.name!,
        letterTitle: letter.title,
        confirmUrl: slots.confirmUrl!,
        organizationName: slots.organizationName,
      }),
    }),
  });
  return { tokenHash, expiresAt, email };
}

/** The address has a signature on the letter: a fresh link while unconfirmed, else "already signed"; null if it is gone. */
async function signAgain(letter: PublicLetter, signature: NewSignature): Promise<SignOutcome | null> {
  const existing = await findSignatureByEmail(db, { letterId: letter.id, emailCanonical: signature.emailCanonical });
  if (!existing) return null;
  if (existing.status !== "unverified") {
    await enqueueOne(await alreadySignedEmail(letter, signature.details.email));
    return "already_signed";
  }
  const now = new Date();
  const updated = await retryOnBusy(() =>
    db.$transaction(async (tx) => {
      const { letterId, details } = signature;
      if (!(await holdUnverifiedSignature(tx, { id: existing.id, now }))) return false;
      const [flags] = await signingFlags(tx, [{ letterId, ...details }], now);
      const token = { signatureId: existing.id, tokenHash: signature.tokenHash, expiresAt: signature.expiresAt, details: { ...details, flags } };
      await insertConfirmationTokens(tx, [token], now);
      await enqueueEmail(tx, signature.email, now);
      return true;
    }),
  );
  if (!updated) return null; // confirmed meanwhile: the next look answers "already signed"
  emailsEnqueued();
  return "resent";
}

function alreadySignedEmail(letter: PublicLetter, to: string): Promise<RenderedEmail> {
  const letterUrl = appUrl(`/letters/${letter.slug}`);
  return renderEmailTemplate({
    template: "already-signed",
    to,
    key: `${letter.title}\n${letterUrl}`,
    slots: {},
    build: () => ({
      subject: `You have already signed: ${letter.title}`,
      element: createElement(AlreadySignedEmail, { letterTitle: letter.title, letterUrl }),
    }),
  });
}

async function enqueueOne(email: RenderedEmail) {
  await retryOnBusy(() => db.$transaction((tx) => enqueueEmail(tx, email)));
  emailsEnqueued();
}
