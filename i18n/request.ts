import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LANGUAGE, isLanguageCode } from "@/lib/i18n/languages";
import { LANGUAGE_HEADER } from "@/lib/i18n/request-language";

// next-intl without i18n routing: addresses stay as they are (/letters/{slug}), and the
// language proxy.ts negotiated for this request arrives in a header no client can set.
// A request the proxy did not see (the admin area) is answered in English. A caller may
// name the language itself (getTranslations({ locale }): the JSON API, which negotiates its own).
export default getRequestConfig(async ({ locale: named }) => {
  const asked = named ?? (await headers()).get(LANGUAGE_HEADER);
  const locale = isLanguageCode(asked) ? asked : DEFAULT_LANGUAGE;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
