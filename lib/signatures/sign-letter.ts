import "server-only";
import { createElement } from "react";
import { db } from "../db";
import { appUrl } from "../app-url";
import { AppError, letterNotFound, letterNotOpen } from "../http/app-error";
import { emailsEnqueued, enqueueEmail, renderEmail } from "../email/send-email";
import { ConfirmSignatureEmail } from "../email/templates/confirm-signature";
import { AlreadySignedEmail } from "../email/templates/already-signed";
import { Prisma } from "../generated/prisma/client";
import type { SignatureInput } from "../validation/signature";
import { canonicalEmail } from "./canonical-email";
import { createToken } from "./tokens";
import { isBusy } from "../db-retry";
import { effectiveStatus } from "../letters/effective-status";
import { getEnv } from "../env";
import { hashIp, signingFlags } from "../moderation/signing-flags";

export type SignOutcome = "created" | "resent" | "already_signed";

/**
 * Records a signature request and queues the email that answers it. The caller shows
 * the same thing whatever the outcome, so no one can learn who has signed:
 * - a new address gets a pending signature and a confirmation link;
 * - an address that has not confirmed yet gets a fresh link (its details updated);
 * - an address that has confirmed gets an "already signed" email, and nothing counts.
 */
export async function signLetter({ slug, input, ip }: { slug: string; input: SignatureInput; ip?: string }): Promise<SignOutcome> {
  const letter = await db.letter.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, closesAt: true, allowIndividuals: true, allowOrganizations: true },
  });
  if (!letter || letter.status === "draft") throw letterNotFound();
  if (effectiveStatus(letter) !== "open") throw letterNotOpen(effectiveStatus(letter));
  const allowed = input.kind === "individual" ? letter.allowIndividuals : letter.allowOrganizations;
  if (!allowed) {
    const message =
      input.kind === "individual" ? "This letter is signed by organisations only." : "This letter is signed by individuals only.";
    throw new AppError("kind_not_allowed", 422, message, { kind: [message] });
  }

  const { canonical, domain } = canonicalEmail(input.email);
  const details = {
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
  };

  for (let attempt = 0; ; attempt++) {
    try {
      const existing = await db.signature.findUnique({
        where: { letterId_emailCanonical: { letterId: letter.id, emailCanonical: canonical } },
        select: { id: true, status: true },
      });

      if (existing && existing.status !== "unverified") {
        const email = await renderEmail({
          template: "already-signed",
          to: input.email,
          subject: `You have already signed: ${letter.title}`,
          element: createElement(AlreadySignedEmail, { letterTitle: letter.title, letterUrl: appUrl(`/letters/${letter.slug}`) }),
        });
        await db.$transaction((tx) => enqueueEmail(tx, email));
        emailsEnqueued();
        return "already_signed";
      }

      const { token, tokenHash, expiresAt } = createToken();
      const email = await renderEmail({
        template: "signature-confirm",
        to: input.email,
        subject: `Confirm your signature: ${letter.title}`,
        element: createElement(ConfirmSignatureEmail, {
          name: input.name,
          letterTitle: letter.title,
          confirmUrl: appUrl(`/verify/${token}`),
          organizationName: input.kind === "organization" ? input.organizationName : undefined,
        }),
      });
      await db.$transaction(async (tx) => {
        const flags = await signingFlags(tx, { letterId: letter.id, emailDomain: domain, ipHash: details.ipHash });
        const signature = existing
          ? await tx.signature.update({ where: { id: existing.id, status: "unverified" }, data: { ...details, flags } })
          : await tx.signature.create({ data: { ...details, flags, letterId: letter.id, emailCanonical: canonical } });
        await tx.confirmationToken.create({ data: { tokenHash, signatureId: signature.id, expiresAt } });
        await enqueueEmail(tx, email);
      });
      emailsEnqueued();
      return existing ? "resent" : "created";
    } catch (error) {
      // Two requests for one address raced: the loser sees the winner's row next time.
      const raced =
        error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025");
      if ((raced && attempt < 2) || (isBusy(error) && attempt < 5)) continue;
      throw error;
    }
  }
}
