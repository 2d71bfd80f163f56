import "server-only";
import { db } from "../db";
import { isBusy } from "../db-retry";
import type { RenderedEmail } from "../email/send-email";
import { kindNotAllowed, letterNotOpen } from "../http/app-error";
import { newId } from "../ids";
import { effectiveStatus } from "../letters/effective-status";
import { DISPOSABLE_DOMAINS, FLOOD_LIMIT, FLOOD_WINDOW_MS } from "../moderation/signing-flags";
import { Prisma } from "../generated/prisma/client";
import type { SignerDetails } from "./signing-sql";

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
const state = globalThis as unknown as { signingQueue?: { queued: Queued[]; writing: boolean } };
const queue = (state.signingQueue ??= { queued: [], writing: false });

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
    const outcomes = await writeWithRetry(batch.map((q) => q.item));
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

async function writeWithRetry(items: NewSignature[]): Promise<(Outcome | Error)[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => writeBatch(tx, items, new Date()));
    } catch (error) {
      // Another process (an operator script, a second app server) held SQLite's write lock.
      if (!isBusy(error) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
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
    const status = letter ? effectiveStatus(letter) : "closed";
    if (!letter || status !== "open") outcomes[i] = letterNotOpen(status);
    else if (!(item.details.kind === "individual" ? letter.allowIndividuals : letter.allowOrganizations)) {
      outcomes[i] = kindNotAllowed(item.details.kind);
    }
  });
  const open = items.map((item, i) => ({ item, i })).filter(({ i }) => outcomes[i] === undefined);
  if (open.length === 0) return outcomes as (Outcome | Error)[];

  const flags = await flagsFor(tx, open.map(({ item }) => item), now);
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

  await tx.$executeRaw`
    INSERT INTO "ConfirmationToken" ("id", "tokenHash", "signatureId", "expiresAt", "createdAt")
    VALUES ${Prisma.join(written.map(({ item, id }) => Prisma.sql`(${newId(now.getTime())}, ${item.tokenHash}, ${id}, ${item.expiresAt}, ${now})`))}`;
  await tx.$executeRaw`
    INSERT INTO "OutboxEmail" ("id", "template", "to", "subject", "html", "text", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES ${Prisma.join(
      written.map(({ item: { email } }) => {
        return Prisma.sql`(${newId(now.getTime())}, ${email.template}, ${email.to}, ${email.subject}, ${email.html}, ${email.text},
          'pending', 0, ${now}, ${now})`;
      }),
    )}`;
  return outcomes as (Outcome | Error)[];
}

/**
 * The moderation flags of each new signature: a throwaway mailbox, or more than
 * FLOOD_LIMIT signatures on the letter from one network address within the hour (those
 * already written, then those earlier in this batch). One statement for the batch; each
 * address's count stops at FLOOD_LIMIT, so a flood costs no more to check than a trickle.
 */
async function flagsFor(tx: Prisma.TransactionClient, items: NewSignature[], now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - FLOOD_WINDOW_MS);
  const key = (item: NewSignature) => `${item.letterId} ${item.details.ipHash}`;
  const pairs = [...new Map(items.filter((item) => item.details.ipHash).map((item) => [key(item), item])).values()];
  const recent = new Map<string, number>();
  if (pairs.length > 0) {
    const rows = await tx.$queryRaw<{ k: bigint | number; n: bigint | number }[]>`${Prisma.join(
      pairs.map(
        (item, k) => Prisma.sql`SELECT ${Prisma.raw(String(k))} AS "k", (SELECT count(*) FROM (
          SELECT 1 FROM "Signature" WHERE "letterId" = ${item.letterId} AND "ipHash" = ${item.details.ipHash} AND "createdAt" >= ${since}
          LIMIT ${Prisma.raw(String(FLOOD_LIMIT))}) AS "recent") AS "n"`,
      ),
      " UNION ALL ",
    )}`;
    for (const row of rows) recent.set(key(pairs[Number(row.k)]), Number(row.n));
  }
  return items.map((item) => {
    const flags: string[] = [];
    if (DISPOSABLE_DOMAINS.has(item.details.emailDomain)) flags.push("disposable_email");
    if (item.details.ipHash) {
      const seen = recent.get(key(item)) ?? 0;
      if (seen >= FLOOD_LIMIT) flags.push("many_from_one_address");
      recent.set(key(item), seen + 1);
    }
    return flags.join(",");
  });
}
