import { getTranslations } from "next-intl/server";
import type { Translate } from "../validation/message-keys";
import type { ErrorTranslators } from "./translate-error";
import type { LanguageCode } from "./languages";

/**
 * The translators for an error's words: in `language` (an edge that negotiated its own,
 * the JSON API), else in the language proxy.ts negotiated for this page or action.
 */
export async function errorTranslators(language?: LanguageCode): Promise<ErrorTranslators> {
  const [errors, validation] = await Promise.all([
    language ? getTranslations({ locale: language, namespace: "errors" }) : getTranslations("errors"),
    language ? getTranslations({ locale: language, namespace: "validation" }) : getTranslations("validation"),
  ]);
  return { errors: errors as unknown as Translate, validation: validation as unknown as Translate };
}
