import { englishErrors, type AppError } from "../http/app-error";
import { englishValidation, translateMessage, type Translate } from "../validation/message-keys";
import type { FieldErrors } from "../validation/signature";

/** The translators an edge reads an error out with: getTranslations("errors") and ("validation"). */
export interface ErrorTranslators {
  errors: Translate;
  validation: Translate;
}

export const ENGLISH_ERRORS: ErrorTranslators = { errors: englishErrors, validation: englishValidation };

/**
 * An expected error's words in the reader's language: its message by its code (with its
 * values), and its fields' messages (keys of the shared schemas' messages, or plain words).
 */
export function translateError(error: AppError, { errors, validation }: ErrorTranslators = ENGLISH_ERRORS): { message: string; fields?: FieldErrors } {
  const message = errors.has(error.code) ? errors(error.code, error.values) : error.message;
  if (!error.fields) return { message };
  const fields = Object.fromEntries(Object.entries(error.fields).map(([field, messages]) => [field, (messages ?? []).map((m) => translateMessage(m, validation))]));
  return { message, fields };
}
