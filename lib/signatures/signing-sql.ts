import "server-only";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";

// Signing's statements, written out as SQL. Signing is the path a viral letter runs
// hundreds of times a second, and Prisma's client engine compiles every modelled query
// in WebAssembly: a find or create costs 0.4 to 0.6 ms on this machine, the same
// statement raw through the same client, adapter and transaction 0.1 to 0.2 ms, and
// twenty rows in one raw INSERT 1.0 ms against 4.5 ms for createMany (`npm run
// bench:queries`). Everything off the hot path uses the model API. Quoted identifiers
// and bound parameters only, so the statements read the same on SQLite and PostgreSQL.

type Queryable = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

export async function findSignatureByEmail(
  db: Queryable,
  { letterId, emailCanonical }: { letterId: string; emailCanonical: string },
): Promise<{ id: string; status: string; confirmed: boolean; flags: string } | null> {
  const rows = await db.$queryRaw<{ id: string; status: string; confirmedAt: Date | string | null; flags: string }[]>`
    SELECT "id", "status", "confirmedAt", "flags" FROM "Signature" WHERE "letterId" = ${letterId} AND "emailCanonical" = ${emailCanonical}`;
  const row = rows[0];
  return row ? { id: row.id, status: row.status, confirmed: row.confirmedAt !== null, flags: row.flags } : null;
}

export interface SignerDetails {
  kind: string;
  name: string;
  email: string;
  emailDomain: string;
  country: string;
  title: string | null;
  affiliation: string | null;
  organizationName: string | null;
  website: string | null;
  comment: string | null;
  listPublicly: boolean;
  consentAt: Date;
  ipHash: string | null;
  flags: string;
  /** The language the person signed in (English when a token from before languages says none). */
  language?: string;
  /** "Tell me about this letter's progress": when it was ticked, and the words the person saw (null: not ticked). */
  updatesConsentAt?: Date | null;
  updatesConsentWording?: string | null;
}

/**
 * Keeps an unverified signature as it is while a new link is made for it (a no-op
 * write that takes the row's lock); false when it was confirmed or removed meanwhile.
 */
export async function holdUnverifiedSignature(db: Queryable, { id, now }: { id: string; now: Date }): Promise<boolean> {
  const changed = await db.$executeRaw`UPDATE "Signature" SET "updatedAt" = ${now} WHERE "id" = ${id} AND "status" = 'unverified'`;
  return changed > 0;
}

/**
 * Takes an unconfirmed signature the defences refused back to unverified, its refusal
 * cleared, when a later request for the address passes them; false when it was
 * confirmed, removed or moderated meanwhile. Like holdUnverifiedSignature, it changes
 * none of the signer's details: only confirming a link does.
 */
export async function reopenRefusedSignature(db: Queryable, { id, now }: { id: string; now: Date }): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE "Signature" SET "status" = 'unverified', "flags" = '', "moderationReason" = NULL, "moderatedAt" = NULL, "updatedAt" = ${now}
    WHERE "id" = ${id} AND "status" = 'fraud' AND "confirmedAt" IS NULL`;
  return changed > 0;
}

/** A request's details as its token keeps them; confirming reads them back with parseSubmission. */
export const submissionJson = (details: SignerDetails): string => JSON.stringify(details);

const submissionSchema = z.object({
  kind: z.enum(["individual", "organization"]),
  name: z.string(),
  email: z.string(),
  emailDomain: z.string(),
  country: z.string(),
  title: z.string().nullable(),
  affiliation: z.string().nullable(),
  organizationName: z.string().nullable(),
  website: z.string().nullable(),
  comment: z.string().nullable(),
  listPublicly: z.boolean(),
  consentAt: z.coerce.date(),
  ipHash: z.string().nullable(),
  flags: z.string(),
  language: z.string().default("en"),
  // absent from tokens made before the choice existed: no consent
  updatesConsentAt: z.coerce.date().nullable().default(null),
  updatesConsentWording: z.string().nullable().default(null),
});

/** A token's details (JSON), or the same fields picked out of a signature row. */
export function parseSubmission(source: string | Record<string, unknown>): SignerDetails {
  return submissionSchema.parse(typeof source === "string" ? JSON.parse(source) : source);
}

export async function insertConfirmationTokens(
  db: Queryable,
  tokens: { signatureId: string; tokenHash: string; expiresAt: Date; details: SignerDetails }[],
  now: Date,
): Promise<void> {
  if (tokens.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "ConfirmationToken" ("id", "tokenHash", "signatureId", "expiresAt", "createdAt", "details")
    VALUES ${Prisma.join(
      tokens.map((t) => Prisma.sql`(${newId(now.getTime())}, ${t.tokenHash}, ${t.signatureId}, ${t.expiresAt}, ${now}, ${submissionJson(t.details)})`),
    )}`;
}

/** Withdrawal links for signatures (lib/signer-rights/): each email that carries one has its own. */
export async function insertWithdrawalTokens(
  db: Queryable,
  tokens: { signatureId: string; letterId: string; tokenHash: string }[],
  now: Date,
): Promise<void> {
  if (tokens.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "WithdrawalToken" ("id", "tokenHash", "signatureId", "letterId", "createdAt")
    VALUES ${Prisma.join(tokens.map((t) => Prisma.sql`(${newId(now.getTime())}, ${t.tokenHash}, ${t.signatureId}, ${t.letterId}, ${now})`))}`;
}
