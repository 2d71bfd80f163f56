import "server-only";
import { db } from "../db";
import { retryOnBusy } from "../db-retry";
import { enqueueEmails, type RenderedEmail } from "../email/send-email";
import { letterNotOpen, signingRefusal } from "../http/app-error";
import { newId } from "../ids";
import { processMemory } from "../memory/process-memory";
import { effectiveStatus } from "../letters/effective-status";
import { signingFlags } from "../moderation/signing-flags";
import { Prisma } from "../generated/prisma/client";
import { insertConfirmationTokens, type SignerDetails } from "./signing-sql";

// New signatures are written in batches (group commit). A viral letter's signers arrive
// together: while one transaction is being written the next requests queue, and the
// next transaction takes them all, one multi-row statement per table. Prisma's cost is
// per statement, not per row, so a batch of 20 costs little more than one signature;
// the same holds for PostgreSQL's round trips. With no queue, a batch is one request
// and waits for nothing.
//
// A request learns "created", or "exists" when the address already has a signature on
// the letter (the caller then resends or answers "already signed" one by one), or gets
// the error that concerns it alone.

export interface NewSignature {
  letterId: string;
  emailCanonical: string;
  details: Omit<SignerDetails, "flags">;
  tokenHash: string;
  expiresAt: Date;
  email: RenderedEmail;
}

type Outcome = "created" | "exists";
interface Queued {
  item: NewSignature;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 64;
const queue = processMemory("signing.queue", () => ({ queued: [] as Queued[], writing: false }));

/** Writes a new signature, its token and its email with whatever else is waiting. */
export function addSignature(item: NewSignature): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    queue.queued.push({ item, resolve, reject });
    if (!queue.writing) {
      queue.writing = true;
      // One turn of the event loop first: the requests that arrived with this one get
      // this far and join the batch. (Writing takes no turn of its own: the SQLite
      // adapter answers at once, so without the wait every batch would be one request.)
      setImmediate(() => void drain());
    }
  });
}

async function drain() {
  try {
    while (queue.queued.length > 0) {
      const batch = queue.queued.splice(0, MAX_BATCH);
      await settle(batch);
    }
  } finally {
    queue.writing = false;
  }
}

/** One transaction for the batch; if it fails, each request alone, so one bad row fails only itself. */
async function settle(batch: Queued[]) {
  try {
    // Another process (an operator script, a second app server) may hold SQLite's write lock.
    const items = batch.map((q) => q.item);
    const outcomes = await retryOnBusy(() => db.$transaction((tx) => writeBatch(tx, items, new Date())));
    batch.forEach((q, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) q.reject(outcome);
      else q.resolve(outcome);
    });
  } catch (error) {
    if (batch.length === 1) return batch[0].reject(error);
    for (const queued of batch) await settle([queued]);
  }
}

export async function writeBatch(tx: Prisma.TransactionClient, items: NewSignature[], now: Date): Promise<(Outcome | Error)[]> {
  const outcomes: (Outcome | Error | undefined)[] = new Array(items.length);

  // The letter may have been paused or closed since the request looked it up.
  const letterIds = [...new Set(items.map((item) => item.letterId))];
  const letters = await tx.$queryRaw<
    { id: string; status: string; closesAt: Date | null; allowIndividuals: boolean | number; allowOrganizations: boolean | number }[]
  >`SELECT "id", "status", "closesAt", "allowIndividuals", "allowOrganizations" FROM "Letter" WHERE "id" IN (${Prisma.join(letterIds)})`;
  const letterById = new Map(letters.map((letter) => [letter.id, letter]));
  items.forEach((item, i) => {
    const letter = letterById.get(item.letterId);
    const refusal = letter ? signingRefusal({ ...letter, status: effectiveStatus(letter) }, item.details.kind) : letterNotOpen("closed");
    if (refusal) outcomes[i] = refusal;
  });
  const open = items.map((item, i) => ({ item, i })).filter(({ i }) => outcomes[i] === undefined);
  if (open.length === 0) return outcomes as (Outcome | Error)[];

  const flags = await signingFlags(tx, open.map(({ item }) => ({ letterId: item.letterId, ...item.details })), now);
  const rows = open.map(({ item, i }, n) => ({ i, item, id: newId(now.getTime()), flags: flags[n] }));
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Signature" ("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country",
      "title", "affiliation", "organizationName", "website", "comment", "listPublicly", "status", "domainMatch",
      "flags", "ipHash", "consentAt", "createdAt", "updatedAt")
    VALUES ${Prisma.join(
      rows.map(({ item, id, flags }) => {
        const d = item.details;
        return Prisma.sql`(${id}, ${item.letterId}, ${d.kind}, ${d.name}, ${d.email}, ${item.emailCanonical}, ${d.emailDomain},
          ${d.country}, ${d.title}, ${d.affiliation}, ${d.organizationName}, ${d.website}, ${d.comment}, ${d.listPublicly},
          'unverified', ${false}, ${flags}, ${d.ipHash}, ${d.consentAt}, ${now}, ${now})`;
      }),
    )}
    ON CONFLICT ("letterId", "emailCanonical") DO NOTHING
    RETURNING "id"`;
  const created = new Set(inserted.map((row) => row.id));
  const written = rows.filter((row) => created.has(row.id));
  for (const row of rows) outcomes[row.i] = created.has(row.id) ? "created" : "exists";
  if (written.length === 0) return outcomes as (Outcome | Error)[];

  const tokens = written.map(({ item, id }) => ({ signatureId: id, tokenHash: item.tokenHash, expiresAt: item.expiresAt }));
  await insertConfirmationTokens(tx, tokens, now);
  await enqueueEmails(tx, written.map(({ item }) => item.email), now);
  return outcomes as (Outcome | Error)[];
}

