import english from "../../messages/en.json";
import { DEFAULT_LANGUAGE, isLanguageCode } from "../i18n/languages";

// What a signer agreed to when they ticked "Tell me about this letter's progress" is kept
// word for word, the box's label and the hint under it (what news, how to stop), in the
// language the form spoke to them (messages' signForm.updates and updatesHint),
// read here on the server: a client cannot say it saw other words.
//
// Consent and a repeat signing of the same address: each request's choice travels with its
// own confirmation link (lib/signatures/sign-letter.ts), so before confirming, the link the
// address's owner confirms decides, as it does for the name and country. After confirming,
// a repeat changes nothing: ticking the box again cannot add a consent nobody proved
// they own the address for, and leaving it unticked does not drop one; the link in every
// update email stops them.

type Messages = typeof english;
const loaded = new Map<string, Promise<Messages>>([[DEFAULT_LANGUAGE, Promise.resolve(english)]]);

export async function updatesConsentWording(code: string): Promise<string> {
  const language = isLanguageCode(code) ? code : DEFAULT_LANGUAGE;
  let messages = loaded.get(language);
  if (!messages) {
    messages = import(`../../messages/${language}.json`).then((module: { default: Messages }) => module.default);
    loaded.set(language, messages);
  }
  const { updates, updatesHint } = (await messages).signForm;
  return `${updates}\n${updatesHint}`;
}
