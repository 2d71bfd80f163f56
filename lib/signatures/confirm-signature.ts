import "server-only";
import { createElement } from "react";
import { db } from "../db";
import { appUrl } from "../app-url";
import { adjustCount } from "../counts/adjust-count";
import { letterChanged } from "../memory/letter-changed";
import { emailLanguage, inLanguage } from "../email/email-language";
import { emailsEnqueued, enqueueEmail, renderEmail, type RenderedEmail } from "../email/send-email";
import { OrganizationAwaitingReviewEmail } from "../email/templates/organization-awaiting-review";
import { AppError, letterNotOpen } from "../http/app-error";
import { emailMatchesWebsite } from "./domain-match";
import { parseSubmission, type SignerDetails } from "./signing-sql";
import { hashToken, looksLikeToken } from "./tokens";
import { retryOnBusy } from "../db-retry";
import { effectiveStatus } from "../letters/effective-status";
import { publishedTranslation } from "../letters/published-translations";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { signatureRef } from "../webhooks/signature-payload";

export interface ConfirmedSignature {
  /** "confirmed" the first time; "already_confirmed" for every repeat. */
  result: "confirmed" | "already_confirmed";
  kind: string;
  /** "counted", or "awaiting_review" for an organisation a moderator must approve. */
  status: string;
  letter: { slug: string; title: string };
}

export const tokenNotFound = () =>
  new AppError("token_not_found", 404);
export const tokenExpired = () =>
  new AppError("token_expired", 410);

/**
 * Finds a token's signature for the confirmation page, with the details that confirming
 * this link will publish (its own request's, see sign-letter.ts); changes nothing (a
 * GET must not).
 */
export async function findConfirmation({ token, now = new Date() }: { token: string; now?: Date }) {
  if (!looksLikeToken(token)) throw tokenNotFound();
  const row = await db.confirmationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      usedAt: true,
      expiresAt: true,
      details: true,
      signature: {
        select: {
          id: true, status: true, kind: true, name: true, email: true, emailDomain: true, country: true, title: true,
          affiliation: true, organizationName: true, website: true, comment: true, listPublicly: true, consentAt: true,
          ipHash: true, flags: true, language: true, updatesConsentAt: true, updatesConsentWording: true,
          letter: { select: { id: true, slug: true, title: true, status: true, closesAt: true, autoApproveMatchingDomain: true } },
        },
      },
    },
  });
  if (!row) throw tokenNotFound();
  const done = row.usedAt !== null || row.signature.status !== "unverified";
  if (!done && row.expiresAt <= now) throw tokenExpired();
  // A token from before tokens kept their request's details confirms the row as it stands.
  const submission: SignerDetails = parseSubmission(row.details ?? row.signature);
  return { done, signature: row.signature, submission };
}

/**
 * Confirms the signature behind a token: it counts (an individual, or an organisation
 * whose domain matches on a letter that auto-approves) or waits for review. Counting
 * happens in the same transaction as the change of state, and every write is guarded,
 * so confirming twice, or twice at once, counts once.
 */
export async function confirmSignature({ token, now = new Date() }: { token: string; now?: Date }): Promise<ConfirmedSignature> {
  const { done, signature, submission } = await findConfirmation({ token, now });
  const { letter } = signature;
  const answer = (result: ConfirmedSignature["result"], status: string): ConfirmedSignature => ({
    result,
    kind: submission.kind,
    status,
    letter: { slug: letter.slug, title: letter.title },
  });
  if (done) return answer("already_confirmed", signature.status);
  if (effectiveStatus(letter) !== "open") throw letterNotOpen(effectiveStatus(letter));

  const isOrganization = submission.kind === "organization";
  const domainMatch = isOrganization && emailMatchesWebsite(submission.email, submission.website);
  const counts = !isOrganization || (letter.autoApproveMatchingDomain && domainMatch);
  const status = counts ? "counted" : "awaiting_review";
  let reviewEmail: RenderedEmail | undefined;
  if (!counts) {
    // In the language they signed in, with the letter's title as it was shown to them.
    const language = await emailLanguage(submission.language);
    const letterTitle = (await publishedTranslation(letter.id, language.code))?.title ?? letter.title;
    reviewEmail = await renderEmail({
      template: "organization-awaiting-review",
      to: submission.email,
      subject: language.t("organizationAwaitingReview.subject", { title: letterTitle }),
      element: createElement(OrganizationAwaitingReviewEmail, {
        language,
        name: submission.name,
        organizationName: submission.organizationName ?? "",
        letterTitle,
        letterUrl: inLanguage(appUrl(`/letters/${letter.slug}`), language.code),
      }),
    });
  }

  const changed = await retryOnBusy(() => db.$transaction(async (tx) => {
    await tx.confirmationToken.updateMany({ where: { tokenHash: hashToken(token), usedAt: null }, data: { usedAt: now } });
    // The signature becomes what this link's request said, and nothing else.
    const updated = await tx.signature.updateMany({
      where: { id: signature.id, status: "unverified" },
      data: { ...submission, status, domainMatch, confirmedAt: now, countedAt: counts ? now : null },
    });
    if (updated.count === 0) return false;
    if (counts) await adjustCount(tx, { letterId: letter.id, country: submission.country, kind: submission.kind, delta: 1 });
    if (reviewEmail) await enqueueEmail(tx, reviewEmail);
    await emitWebhookEvent(tx, {
      event: "signature.confirmed",
      letterId: letter.id,
      signatureId: signature.id,
      now,
      payload: (personalData) => ({
        type: "signature.confirmed",
        timestamp: now.toISOString(),
        data: {
          letter: { slug: letter.slug, title: letter.title },
          signature: signatureRef({ ...submission, id: signature.id, status, confirmedAt: now }, personalData),
        },
      }),
    });
    return true;
  }));
  if (!changed) {
    const current = await db.signature.findUnique({ where: { id: signature.id }, select: { status: true } });
    return answer("already_confirmed", current?.status ?? status);
  }
  if (reviewEmail) emailsEnqueued();
  await letterChanged({ letterId: letter.id, what: "counts" });
  return answer("confirmed", status);
}
