import "server-only";
import { canonicalEmail } from "./canonical-email";
import { signLetter, type SignOutcome } from "./sign-letter";
import { clientIp } from "../http/client-address";
import { limitSigning } from "../http/rate-limit";
import { signatureInputSchema } from "../validation/signature";

/**
 * A signing request from the web, as the sign form's action and the JSON API both make
 * it: validated with the shared schema (a ZodError on bad input), rate-limited, signed.
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
  const ip = clientIp(headers);
  await limitSigning({ ip, letterSlug: slug, emailCanonical: canonicalEmail(input.email).canonical });
  const outcome = await signLetter({ slug, input, ip });
  return { outcome, email: input.email };
}
