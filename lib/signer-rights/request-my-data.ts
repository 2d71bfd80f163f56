import "server-only";
import { createElement } from "react";
import { db } from "../db";
import { appUrl } from "../app-url";
import { retryOnBusy } from "../db-retry";
import { getLocale } from "next-intl/server";
import { emailLanguage, inLanguage } from "../email/email-language";
import { emailsEnqueued, enqueueEmail, renderEmail } from "../email/send-email";
import { DataRequestEmail } from "../email/templates/data-request";
import { consumeLimit } from "../http/rate-limit";
import { canonicalEmail } from "../signatures/canonical-email";
import { createToken } from "../signatures/tokens";
import { DATA_REQUEST_LIFETIME_MS } from "./data-request-lifetime";

/** Data requests per client, and per address (someone mailing a stranger's inbox). */
export const DATA_REQUEST_LIMITS = {
  perClient: { points: 10, durationS: 60 * 60 },
  perAddress: { points: 3, durationS: 60 * 60 },
};

/**
 * Someone asks, at /my-data, what is held about an address. Only when the address has
 * signed something does it get a link to /my-data/{token}, valid for an hour; the asker
 * is told the same either way. Past the rate limits, the rest (the lookup, the email,
 * the link) is handed to `later`: the page passes Next's after(), so the answer goes
 * before anything depends on whether the address signed, and its timing tells no one.
 * The email is written in the language the request was made in (`language`, else the
 * page's, read now: after() runs once the request is gone).
 */
export async function requestMyData({
  email,
  ip,
  now = new Date(),
  later = (work) => work(),
  language,
}: {
  email: string;
  ip: string;
  now?: Date;
  language?: string;
  later?: (work: () => Promise<void>) => Promise<void> | void;
}): Promise<void> {
  const { canonical } = canonicalEmail(email);
  await Promise.all([
    consumeLimit("my-data-ip", ip, DATA_REQUEST_LIMITS.perClient),
    consumeLimit("my-data-email", canonical, DATA_REQUEST_LIMITS.perAddress),
  ]);
  const asked = language ?? (await requestLocale());
  await later(() => sendDataLink({ email, canonical, now, language: asked }));
}

/** The language proxy.ts negotiated for this request; English outside one (a script, a test). */
async function requestLocale(): Promise<string> {
  try {
    return await getLocale();
  } catch {
    return "en";
  }
}

/** The link to an address that signed something; nothing to one that did not. */
async function sendDataLink({ email, canonical, now, language: code }: { email: string; canonical: string; now: Date; language: string }): Promise<void> {
  const signatureCount = await db.signature.count({ where: { emailCanonical: canonical } });
  if (signatureCount === 0) return;
  const { token, tokenHash } = createToken(now);
  const language = await emailLanguage(code);
  const message = await renderEmail({
    template: "data-request",
    to: email,
    subject: language.t("dataRequest.subject"),
    element: createElement(DataRequestEmail, { language, dataUrl: inLanguage(appUrl(`/my-data/${token}`), language.code), signatureCount }),
  });
  await retryOnBusy(() =>
    db.$transaction(async (tx) => {
      await tx.dataRequestToken.create({
        data: { tokenHash, emailCanonical: canonical, expiresAt: new Date(now.getTime() + DATA_REQUEST_LIFETIME_MS), createdAt: now },
      });
      await enqueueEmail(tx, message, now);
    }),
  );
  emailsEnqueued();
}
