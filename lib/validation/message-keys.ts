import { createTranslator } from "next-intl";
import english from "../../messages/en.json";

// The shared zod schemas' messages are keys into messages/<language>.json ("validation"),
// with their values ("i18n:tooLong?field=name&max=100"), so that one schema can answer a
// reader in their language: each edge (the sign form in the browser, its server action,
// the JSON API) translates them with its reader's translator, and anyone else gets English.
// A message that is not a key (an admin schema's) passes through as it is.

const PREFIX = "i18n:";

/** A translator for the "validation" messages: next-intl's, or English's below. */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A message key with its values, as a zod message. */
export function messageKey(key: string, values: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(values).map(([name, value]) => [name, String(value)])).toString();
  return `${PREFIX}${key}${query ? `?${query}` : ""}`;
}

export const englishValidation: Translate = createTranslator({ locale: "en", messages: english, namespace: "validation" }) as unknown as Translate;

/** The message in the translator's language; a field named in it ("field=name") is named in that language too. */
export function translateMessage(message: string, t: Translate = englishValidation): string {
  if (!message.startsWith(PREFIX)) return message;
  const [key, query = ""] = message.slice(PREFIX.length).split("?", 2);
  const values: Record<string, string> = Object.fromEntries(new URLSearchParams(query));
  if (values.field) values.field = t.has(`fields.${values.field}`) ? t(`fields.${values.field}`) : values.field;
  if (values.kind) values.kind = t.has(`hidden.${values.kind}`) ? t(`hidden.${values.kind}`) : values.kind;
  return t.has(key) ? t(key, values) : message;
}
