import "server-only";
import { db, provider } from "../db";
import { retryOnBusy } from "../db-retry";
import { enqueueEmails, recipientKey, type RenderedEmail } from "../email/send-email";
import type { Verdict } from "../defences";
import { letterNotOpen, signingRefusal } from "../http/app-error";
import { newId } from "../ids";
import { processMemory } from "../memory/process-memory";
import { effectiveStatus } from "../letters/effective-status";
import { signingFlags } from "../moderation/signing-flags";
import { Prisma } from "../generated/prisma/client";
import { insertConfirmationTokens, insertWithdrawalTokens, submissionJson, type SignerDetails } from "./signing-sql";

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
  /** The links and the email that answer the signer; null when the defences refused the signing. */
  confirmation: Confirmation | null;
  /** Why the defences refused it (lib/defences/): it is written as fraud, with no link and no email. */
  refusal: Verdict | null;
  /** In a range the allow list exempts from the flood flag. */
  floodExempt: boolean;
}

export interface Confirmation {
  tokenHash: string;
  expiresAt: Date;
  withdrawTokenHash: string;
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
    // On PostgreSQL the rows go in as one statement, which is a transaction of its own;
    // SQLite has no INSERT inside WITH, and writes its three in one transaction.
    const outcomes =
      provider === "postgresql"
        ? await writeBatch(db, items, new Date())
        : await retryOnBusy(() => db.$transaction((tx) => writeBatch(tx, items, new Date())));
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

type Queryable = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

export async function writeBatch(tx: Queryable, items: NewSignature[], now: Date): Promise<(Outcome | Error)[]> {
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

  const flags = await signingFlags(
    tx,
    open.map(({ item }) => ({ letterId: item.letterId, ...item.details, floodExempt: item.floodExempt })),
    now,
  );
  const rows = open.map(({ item, i }, n) => ({
    i,
    item,
    id: newId(now.getTime()),
    details: { ...item.details, flags: [flags[n], item.refusal?.flag].filter(Boolean).join(",") },
  }));
  const created = provider === "postgresql" ? await insertAllAtOnce(tx, rows, now) : await insertTableByTable(tx, rows, now);
  for (const row of rows) outcomes[row.i] = created.has(row.id) ? "created" : "exists";
  return outcomes as (Outcome | Error)[];
}

interface Row {
  item: NewSignature;
  id: string;
  /** What the signature starts with, and its token keeps (see signing-sql.ts). */
  details: SignerDetails;
}

/**
 * The signatures' columns, one parenthesised row each. A signing the defences refused
 * goes in as fraud, marked by a moderator that is the rule, so it never counts and the
 * review shows why.
 */
const signatureValues = (rows: Row[], now: Date) =>
  Prisma.join(
    rows.map(({ item, id, details: d }) => {
      const refusal = item.refusal;
      return Prisma.sql`(${id}, ${item.letterId}, ${d.kind}, ${d.name}, ${d.email}, ${item.emailCanonical}, ${d.emailDomain},
        ${d.country}, ${d.title}, ${d.affiliation}, ${d.organizationName}, ${d.website}, ${d.comment}, ${d.listPublicly},
        ${refusal ? "fraud" : "unverified"}, ${false}, ${d.flags}, ${d.ipHash}, ${d.consentAt}, ${now}, ${now},
        ${refusal?.reason ?? null}, ${refusal ? now : null}, ${d.language ?? "en"},
        ${d.updatesConsentAt ?? null}, ${d.updatesConsentWording ?? null})`;
    }),
  );

const SIGNATURE_COLUMNS = Prisma.sql`("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country",
  "title", "affiliation", "organizationName", "website", "comment", "listPublicly", "status", "domainMatch",
  "flags", "ipHash", "consentAt", "createdAt", "updatedAt", "moderationReason", "moderatedAt", "language",
  "updatesConsentAt", "updatesConsentWording")`;

/** The rows that get links and an email: all but the refused ones. */
const answered = (rows: Row[]) => rows.filter((row): row is Row & { item: { confirmation: Confirmation } } => row.item.confirmation !== null);

/** Signatures (an address already on the letter is skipped), then the new ones' tokens and emails; the ids written. */
async function insertTableByTable(tx: Queryable, rows: Row[], now: Date): Promise<Set<string>> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Signature" ${SIGNATURE_COLUMNS} VALUES ${signatureValues(rows, now)}
    ON CONFLICT ("letterId", "emailCanonical") DO NOTHING
    RETURNING "id"`;
  const created = new Set(inserted.map((row) => row.id));
  const written = answered(rows.filter((row) => created.has(row.id)));
  if (written.length === 0) return created;
  const links = written.map(({ item: { confirmation, letterId }, id, details }) => ({
    signatureId: id,
    letterId,
    tokenHash: confirmation.tokenHash,
    expiresAt: confirmation.expiresAt,
    withdrawTokenHash: confirmation.withdrawTokenHash,
    details,
  }));
  await insertConfirmationTokens(tx, links, now);
  await insertWithdrawalTokens(tx, links.map((link) => ({ ...link, tokenHash: link.withdrawTokenHash })), now);
  await enqueueEmails(tx, written.map(({ item, id }) => ({ ...item.confirmation.email, signatureId: id })), now);
  return created;
}

/**
 * The same as one PostgreSQL statement: the tokens and emails are offered with the id
 * of their signature and kept only where that signature went in. One round trip and no
 * transaction to open and commit, against five.
 */
async function insertAllAtOnce(tx: Queryable, rows: Row[], now: Date): Promise<Set<string>> {
  const at = Prisma.sql`${now}::timestamp(3)`;
  const linked = answered(rows);
  // Each part is kept only where its signature went in.
  const written = (alias: string) => Prisma.raw(`WHERE ${alias}."signatureId" IN (SELECT "id" FROM "signatures")`);
  const links =
    linked.length === 0
      ? Prisma.empty
      : Prisma.sql`, "tokens" AS (
      INSERT INTO "ConfirmationToken" ("id", "tokenHash", "signatureId", "expiresAt", "createdAt", "details")
      SELECT t."id", t."tokenHash", t."signatureId", t."expiresAt", ${at}, t."details"
      FROM (VALUES ${Prisma.join(
        linked.map(
          ({ item: { confirmation }, id, details }) =>
            Prisma.sql`(${newId(now.getTime())}, ${confirmation.tokenHash}, ${id}, ${confirmation.expiresAt}::timestamp(3), ${submissionJson(details)})`,
        ),
      )}) AS t ("id", "tokenHash", "signatureId", "expiresAt", "details")
      ${written("t")}
    ), "withdrawals" AS (
      INSERT INTO "WithdrawalToken" ("id", "tokenHash", "signatureId", "letterId", "createdAt")
      SELECT w."id", w."tokenHash", w."signatureId", w."letterId", ${at}
      FROM (VALUES ${Prisma.join(
        linked.map(({ item: { confirmation, letterId }, id }) => Prisma.sql`(${newId(now.getTime())}, ${confirmation.withdrawTokenHash}, ${id}, ${letterId})`),
      )}) AS w ("id", "tokenHash", "signatureId", "letterId")
      ${written("w")}
    ), "emails" AS (
      INSERT INTO "OutboxEmail" ("id", "template", "to", "subject", "html", "text", "status", "attempts", "nextAttemptAt", "createdAt",
        "signatureId", "toCanonical")
      SELECT e."id", e."template", e."to", e."subject", e."html", e."text", 'pending', 0, ${at}, ${at}, e."signatureId", e."toCanonical"
      FROM (VALUES ${Prisma.join(
        linked.map(
          ({ item: { confirmation: { email } }, id }) =>
            Prisma.sql`(${newId(now.getTime())}, ${email.template}, ${email.to}, ${email.subject}, ${email.html}, ${email.text}, ${id}, ${recipientKey(email.to)})`,
        ),
      )}) AS e ("id", "template", "to", "subject", "html", "text", "signatureId", "toCanonical")
      ${written("e")}
    )`;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    WITH "signatures" AS (
      INSERT INTO "Signature" ${SIGNATURE_COLUMNS} VALUES ${signatureValues(rows, now)}
      ON CONFLICT ("letterId", "emailCanonical") DO NOTHING
      RETURNING "id"
    )${links}
    SELECT "id" FROM "signatures"`;
  return new Set(inserted.map((row) => row.id));
}
