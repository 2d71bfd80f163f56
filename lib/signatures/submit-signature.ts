import "server-only";
import { canonicalEmail } from "./canonical-email";
import { signLetter, type SignOutcome } from "./sign-letter";
import type { SigningChecks } from "../defences";
import { clientIp } from "../http/client-address";
import { isLanguageCode, type LanguageCode } from "../i18n/languages";
import { negotiateLanguage } from "../i18n/negotiate-language";
import { LANGUAGE_HEADER } from "../i18n/request-language";
import { limitSigning } from "../http/rate-limit";
import { signatureInputSchema } from "../validation/signature";
import { HONEYPOT_FIELD, signingChecksSchema } from "../validation/signing-checks";

/**
 * A signing request from the web, as the sign form's action and the JSON API both make
 * it: validated with the shared schemas (a ZodError on bad input), rate-limited, signed.
 * The bot checks' fields (honeypot, fill time, proof of work) travel in the same body;
 * the signature's schema leaves them out, so none is stored with it.
 */
export async function submitSignature({
  slug,
  body,
  headers,
}: {
  slug: string;
  body: unknown;
  headers: Headers;
}): Promise<{ outcome: SignOutcome; email: string }> {
  const input = signatureInputSchema.parse(body);
  const sent = signingChecksSchema.parse(body);
  const checks: SigningChecks = { honeypot: sent[HONEYPOT_FIELD], fillMs: sent.fillMs, proofOfWork: sent.proofOfWork };
  const ip = clientIp(headers);
  await limitSigning({ ip, letterSlug: slug, emailCanonical: canonicalEmail(input.email).canonical });
  const outcome = await signLetter({ slug, input, ip, checks, language: signingLanguage(headers) });
  return { outcome, email: input.email };
}

/**
 * The language the person signs in, for the signature and its emails: the one proxy.ts
 * negotiated for the page that posted (the sign form's action) or for the JSON API's
 * request (from its Accept-Language); else, where no proxy ran (a script, a test),
 * the Accept-Language itself.
 */
function signingLanguage(headers: Headers): LanguageCode {
  const negotiated = headers.get(LANGUAGE_HEADER);
  return isLanguageCode(negotiated) ? negotiated : negotiateLanguage({ acceptLanguage: headers.get("accept-language") });
}
