import "server-only";
import crypto from "node:crypto";
import { createElement } from "react";
import { appUrl } from "../app-url";
import { emailLanguage, inLanguage } from "../email/email-language";
import { renderEmailTemplate, type RenderedEmail } from "../email/send-email";
import { LetterUpdateEmail } from "../email/templates/letter-update";
import { publishedTranslation } from "../letters/published-translations";
import { UPDATE_TEMPLATE, UPDATE_TEST_TEMPLATE } from "./update-template";

export interface UpdateForEmail {
  id: string;
  subject: string;
  body: string;
  letter: { id: string; slug: string; title: string };
}

/** The link that stops updates, as the email shows it and List-Unsubscribe names it. */
export const unsubscribeUrl = (token: string) => appUrl(`/unsubscribe/${token}`);

/**
 * An update's message to one person, in `language`: rendered once per update, language and
 * text (send-email.ts's templates), with the person's own unsubscribe link filled in. It
 * carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058), so a mail provider can
 * offer "Unsubscribe" and stop updates with one POST, no sign-in.
 */
export async function renderUpdateEmail({
  update,
  to,
  language: code,
  token,
  test = false,
}: {
  update: UpdateForEmail;
  to: string;
  language: string;
  /** The unsubscribe token; a test copy gets one that stops nothing. */
  token: string;
  test?: boolean;
}): Promise<RenderedEmail> {
  const language = await emailLanguage(code);
  const letterTitle = (await publishedTranslation(update.letter.id, language.code))?.title ?? update.letter.title;
  const letterUrl = inLanguage(appUrl(`/letters/${update.letter.slug}`), language.code);
  const digest = crypto.createHash("sha256").update(`${update.subject}\u0000${update.body}`).digest("base64url");
  const url = unsubscribeUrl(token);
  const email = await renderEmailTemplate({
    template: test ? UPDATE_TEST_TEMPLATE : UPDATE_TEMPLATE,
    to,
    key: `${update.id}\n${digest}\n${language.code}\n${letterTitle}\n${test}`,
    slots: { unsubscribeUrl: inLanguage(url, language.code) },
    build: (slots) => ({
      subject: test ? `[Test] ${update.subject}` : update.subject,
      element: createElement(LetterUpdateEmail, {
        language,
        letterTitle,
        letterUrl,
        subject: update.subject,
        body: update.body,
        unsubscribeUrl: slots.unsubscribeUrl!,
        test,
      }),
    }),
  });
  return { ...email, headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
}
