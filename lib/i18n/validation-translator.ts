import { getTranslations } from "next-intl/server";
import type { Translate } from "../validation/message-keys";
import type { LanguageCode } from "./languages";

/** The shared schemas' messages in `language`, for a server edge that negotiated its own (the JSON API). */
export async function validationTranslator(language: LanguageCode): Promise<Translate> {
  return (await getTranslations({ locale: language, namespace: "validation" })) as unknown as Translate;
}
