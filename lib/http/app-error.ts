import { isDatabaseUnavailable } from "../database-unavailable";
import type { FieldErrors } from "../validation/signature";

/**
 * An expected failure. Its message is written for the person who will read it and is
 * the only kind of message that ever reaches a user.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** How long a client is asked to wait when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_S = 5;

export const databaseUnavailable = () =>
  new AppError(
    "database_unavailable",
    503,
    "Our database is not answering for a moment, so nothing was saved. Please try again in a few seconds.",
    undefined,
    { "Retry-After": String(DATABASE_RETRY_AFTER_S) },
  );

/** The error as one a user may read (an AppError, or a database out of reach), else null. */
export function expectedError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  return isDatabaseUnavailable(error) ? databaseUnavailable() : null;
}

export const letterNotFound = () => new AppError("letter_not_found", 404, "There is no letter at this address.");

export const letterNotOpen = (status: string) =>
  new AppError(
    "letter_not_open",
    409,
    status === "paused"
      ? "This letter is paused and is not taking signatures right now."
      : "This letter is closed and no longer takes signatures.",
  );

export const kindNotAllowed = (kind: string) => {
  const message = kind === "individual" ? "This letter is signed by organisations only." : "This letter is signed by individuals only.";
  return new AppError("kind_not_allowed", 422, message, { kind: [message] });
};

/** Why a letter (its status as in effect now) refuses a signature of this kind; null if it takes it. */
export function signingRefusal(
  letter: { status: string; allowIndividuals: boolean | number; allowOrganizations: boolean | number },
  kind: string,
): AppError | null {
  if (letter.status !== "open") return letterNotOpen(letter.status);
  return (kind === "individual" ? letter.allowIndividuals : letter.allowOrganizations) ? null : kindNotAllowed(kind);
}
