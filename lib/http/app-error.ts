import { createTranslator } from "next-intl";
import english from "../../messages/en.json";
import { isDatabaseUnavailable } from "../database-unavailable";
import { messageKey, type Translate } from "../validation/message-keys";
import type { FieldErrors } from "../validation/signature";

// An AppError's words live in messages/<language>.json under "errors", keyed by its code
// (one place for every language): its `message` is the English, for logs, the admin area
// and the JSON API by default; each edge that answers a person reads them out in that
// person's language with translateError (lib/i18n/translate-error.ts).

/** Every code with words in messages/en.json ("errors"): a code without them does not compile. */
export type ErrorCode = keyof (typeof english)["errors"];

/** The values an error's words are filled with (a count, or which case of several it is). */
export type ErrorValues = Record<string, string | number>;

export const englishErrors: Translate = createTranslator({ locale: "en", messages: english, namespace: "errors" }) as unknown as Translate;

/**
 * An expected failure. Its words are written for the person who will read it and are the
 * only kind of message that ever reaches a user.
 */
export class AppError extends Error {
  readonly values?: ErrorValues;
  readonly fields?: FieldErrors;
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    { values, fields, headers }: { values?: ErrorValues; fields?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(englishErrors(code, values));
    this.name = "AppError";
    this.values = values;
    this.fields = fields;
    this.headers = headers;
  }
}

/** How long a client is asked to wait when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_S = 5;

export const databaseUnavailable = () =>
  new AppError("database_unavailable", 503, { headers: { "Retry-After": String(DATABASE_RETRY_AFTER_S) } });

/** The error as one a user may read (an AppError, or a database out of reach), else null. */
export function expectedError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  return isDatabaseUnavailable(error) ? databaseUnavailable() : null;
}

export const letterNotFound = () => new AppError("letter_not_found", 404);

export const letterNotOpen = (status: string) => new AppError("letter_not_open", 409, { values: { status } });

export const kindNotAllowed = (kind: string) =>
  new AppError("kind_not_allowed", 422, { values: { kind }, fields: { kind: [messageKey("kindNotAllowed", { signer: kind })] } });

/** Why a letter (its status as in effect now) refuses a signature of this kind; null if it takes it. */
export function signingRefusal(
  letter: { status: string; allowIndividuals: boolean | number; allowOrganizations: boolean | number },
  kind: string,
): AppError | null {
  if (letter.status !== "open") return letterNotOpen(letter.status);
  return (kind === "individual" ? letter.allowIndividuals : letter.allowOrganizations) ? null : kindNotAllowed(kind);
}
