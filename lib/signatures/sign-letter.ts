import "server-only";
import { createElement } from "react";
import { db } from "../db";
import { appUrl } from "../app-url";
import { retryOnBusy } from "../db-retry";
import { letterNotFound, signingRefusal } from "../http/app-error";
import { emailLanguage, inLanguage, type EmailLanguage } from "../email/email-language";
import { emailsEnqueued, enqueueEmail, renderEmailTemplate, type RenderedEmail } from "../email/send-email";
import { ConfirmSignatureEmail } from "../email/templates/confirm-signature";
import { AlreadySignedEmail } from "../email/templates/already-signed";
import { getCachedPublicLetter } from "../letters/get-cached-public-letter";
import { publishedTranslation } from "../letters/published-translations";
import type { PublicLetter } from "../letters/get-public-letter";
import { getEnv } from "../env";
import { floodExempt, quietRefusal, refusedByDefences, type SigningChecks } from "../defences";
import { hashIp, signingFlags } from "../moderation/signing-flags";
import type { SignatureInput } from "../validation/signature";
import { canonicalEmail } from "./canonical-email";
import { addSignature, type Confirmation, type NewSignature } from "./signing-batch";
import {
  findSignatureByEmail,
  holdUnverifiedSignature,
  insertConfirmationTokens,
  insertWithdrawalTokens,
  reopenRefusedSignature,
} from "./signing-sql";
import { createToken } from "./tokens";
import { updatesConsentWording } from "../updates/consent-wording";

export type SignOutcome = "created" | "resent" | "already_signed" | "refused";

/**
 * Records a signature request and queues the email that answers it. The caller shows
 * the same thing whatever the outcome, so no one can learn who has signed:
 * - a new address gets a pending signature and a confirmation link;
 * - an address that has not confirmed yet gets a fresh link that carries this request's
 *   details: the signature is changed only by confirming a link, and then to that
 *   link's details, so a stranger who knows the address cannot rewrite what its owner
 *   confirms;
 * - an address that has confirmed gets an "already signed" email, and nothing counts;
 * - a signing the defences refuse (lib/defences/: a block list, a bot check) is written
 *   as fraud with the reason, for moderators, and gets no email; a repeat that is
 *   refused too gets nothing and changes nothing, while one that passes is answered
 *   like a new signing (a fresh link; confirming it clears the refusal).
 * Every email that answers a signing carries a link that withdraws the signature, and is
 * written in `language`, the one the person signed in (kept on the signature for the
 * emails that follow; English for a code the product does not speak).
 */
export async function signLetter({
  slug,
  input,
  ip,
  checks,
  language: code = "en",
}: {
  slug: string;
  input: SignatureInput;
  ip?: string;
  checks?: SigningChecks;
  language?: string;
}): Promise<SignOutcome> {
  // The letter as cached for the public feeds; the write checks its status again.
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  const refused = signingRefusal(letter, input.kind);
  if (refused) throw refused;

  const now = new Date();
  const language = await emailLanguage(code);
  const { canonical, domain } = canonicalEmail(input.email);
  const refusal = await quietRefusal({ letter, input, ip, emailCanonical: canonical, emailDomain: domain, checks, now });
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
      consentAt: now,
      ipHash: ip ? hashIp(ip, getEnv().AUTH_SECRET) : null,
      language: language.code,
      // Kept with this request: the signature takes it only when its owner confirms this
      // request's link, and a repeat after confirming changes nothing (see lib/updates/).
      updatesConsentAt: input.updates ? now : null,
      updatesConsentWording: input.updates ? await updatesConsentWording(language.code) : null,
    },
    refusal,
    confirmation: refusal ? null : await confirmationFor(letter, input, language),
    floodExempt: ip ? await floodExempt(ip) : false,
  };

  // New addresses go in with the other signatures arriving now; an address already on
  // the letter is answered on its own. Should that signature vanish in between (a
  // moderator's deletion, a withdrawal), the request starts over.
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await addSignature(signature)) === "created") {
      if (refusal) return "refused";
      emailsEnqueued();
      return "created";
    }
    if (!signature.confirmation) return "refused";
    const outcome = await signAgain(letter, signature, signature.confirmation, language);
    if (outcome) return outcome;
  }
  throw new Error("the signature kept changing while it was being recorded");
}

/** The letter's title as a reader of `language` sees it: its published translation's, else the original's. */
async function titleIn(letter: PublicLetter, language: EmailLanguage): Promise<string> {
  return (await publishedTranslation(letter.id, language.code))?.title ?? letter.title;
}

/** Fresh tokens (confirming, withdrawing) and the confirmation email that carries them. */
async function confirmationFor(letter: PublicLetter, input: SignatureInput, language: EmailLanguage): Promise<Confirmation> {
  const { token, tokenHash, expiresAt } = createToken();
  const withdrawal = createToken();
  const withdrawUrl = appUrl(`/withdraw/${withdrawal.token}`);
  const letterTitle = await titleIn(letter, language);
  const email = await renderEmailTemplate({
    template: "signature-confirm",
    to: input.email,
    key: `${language.code}\n${letterTitle}`,
    slots: {
      name: input.name,
      confirmUrl: inLanguage(appUrl(`/verify/${token}`), language.code),
      withdrawUrl: inLanguage(withdrawUrl, language.code),
      notMeUrl: inLanguage(`${withdrawUrl}?reason=not-me`, language.code),
      organizationName: input.kind === "organization" ? input.organizationName : undefined,
    },
    build: (slots) => ({
      subject: language.t("confirmSignature.subject", { title: letterTitle }),
      element: createElement(ConfirmSignatureEmail, {
        language,
        name: slots.name!,
        letterTitle,
        confirmUrl: slots.confirmUrl!,
        withdrawUrl: slots.withdrawUrl!,
        notMeUrl: slots.notMeUrl!,
        organizationName: slots.organizationName,
      }),
    }),
  });
  return { tokenHash, expiresAt, withdrawTokenHash: withdrawal.tokenHash, email };
}

/** The address has a signature on the letter: a fresh link while unconfirmed, else "already signed"; null if it is gone. */
async function signAgain(
  letter: PublicLetter,
  signature: NewSignature,
  confirmation: Confirmation,
  language: EmailLanguage,
): Promise<SignOutcome | null> {
  const existing = await findSignatureByEmail(db, { letterId: letter.id, emailCanonical: signature.emailCanonical });
  if (!existing) return null;
  // Refused by the defences when it was made, and this request passes them (a refused
  // one never gets here): it is answered as a new signing, with a link to the address,
  // so neither a person who was too quick nor a script that used their address first
  // keeps them from signing. A moderator's fraud mark stays: whoever asks learns nothing.
  const reopen = refusedByDefences(existing);
  if (existing.status === "fraud" && !existing.confirmed && !reopen) return "refused";
  if (existing.status !== "unverified" && !reopen) {
    const withdrawal = createToken();
    const email = await alreadySignedEmail(letter, signature.details.email, appUrl(`/withdraw/${withdrawal.token}`), language);
    await retryOnBusy(() =>
      db.$transaction(async (tx) => {
        const now = new Date();
        await insertWithdrawalTokens(tx, [{ signatureId: existing.id, letterId: letter.id, tokenHash: withdrawal.tokenHash }], now);
        await enqueueEmail(tx, { ...email, signatureId: existing.id }, now);
      }),
    );
    emailsEnqueued();
    return "already_signed";
  }
  const now = new Date();
  const updated = await retryOnBusy(() =>
    db.$transaction(async (tx) => {
      const { letterId, details } = signature;
      const held = reopen ? reopenRefusedSignature(tx, { id: existing.id, now }) : holdUnverifiedSignature(tx, { id: existing.id, now });
      if (!(await held)) return false;
      const [flags] = await signingFlags(tx, [{ letterId, ...details, floodExempt: signature.floodExempt }], now);
      const token = { signatureId: existing.id, tokenHash: confirmation.tokenHash, expiresAt: confirmation.expiresAt, details: { ...details, flags } };
      await insertConfirmationTokens(tx, [token], now);
      await insertWithdrawalTokens(tx, [{ signatureId: existing.id, letterId, tokenHash: confirmation.withdrawTokenHash }], now);
      await enqueueEmail(tx, { ...confirmation.email, signatureId: existing.id }, now);
      return true;
    }),
  );
  if (!updated) return null; // confirmed meanwhile: the next look answers "already signed"
  emailsEnqueued();
  return "resent";
}

async function alreadySignedEmail(letter: PublicLetter, to: string, withdrawUrl: string, language: EmailLanguage): Promise<RenderedEmail> {
  const letterUrl = inLanguage(appUrl(`/letters/${letter.slug}`), language.code);
  const letterTitle = await titleIn(letter, language);
  return renderEmailTemplate({
    template: "already-signed",
    to,
    key: `${language.code}\n${letterTitle}\n${letterUrl}`,
    slots: { withdrawUrl: inLanguage(withdrawUrl, language.code) },
    build: (slots) => ({
      subject: language.t("alreadySigned.subject", { title: letterTitle }),
      element: createElement(AlreadySignedEmail, { language, letterTitle, letterUrl, withdrawUrl: slots.withdrawUrl! }),
    }),
  });
}
