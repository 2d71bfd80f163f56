import "server-only";
import { db, provider } from "../db";
import { getEnv, type Env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { anonymizeClosedLetters } from "./anonymize-closed-letters";
import { daysBefore, inBatches } from "./in-batches";
import { signaturePages } from "./signature-pages";

// What the platform keeps about signers, and for how long (README, "Privacy: what is
// kept and for how long"). Everything here deletes in batches of a thousand rows, each
// its own short transaction, so a big letter never holds a write lock for long, and a
// run cut short leaves nothing half done: the next run carries on.

/** Delivered messages are kept a week, to resend one and to look into a delivery. */
const SENT_MAIL_DAYS = 7;
/** Messages that could not be delivered are kept a month, for staff to send again. */
const FAILED_MAIL_DAYS = 30;
/** A webhook's delivery, and its log of tries, is kept a week once delivered and a month once failed, like mail. */
const DELIVERED_WEBHOOK_DAYS = SENT_MAIL_DAYS;
const FAILED_WEBHOOK_DAYS = FAILED_MAIL_DAYS;
/** A used confirmation link keeps answering "already confirmed" for a week. */
const USED_CONFIRMATION_DAYS = 7;
/** A withdrawn signature's link keeps answering "withdrawn" for a month. */
const WITHDRAWN_LINK_DAYS = 30;

export type RetentionCounts = {
  unconfirmedSignatures: number;
  networkHashes: number;
  rateLimits: number;
  proofsOfWork: number;
  sentEmails: number;
  failedEmails: number;
  sessions: number;
  signInTokens: number;
  confirmationTokens: number;
  dataRequestTokens: number;
  withdrawalTokens: number;
  anonymizedLetters: number;
  anonymizedSignatures: number;
  webhookDeliveries: number;
};

/**
 * Deletes what has been kept long enough, as of `now`, and writes one "retention.run"
 * audit line with the counts. Nothing it deletes ever counted: counts and their history
 * stay as they are. Running it twice does nothing the second time.
 */
export async function runRetention({
  now = new Date(),
  env = getEnv(),
  batchSize,
}: { now?: Date; env?: Env; batchSize?: number } = {}): Promise<RetentionCounts> {
  const unconfirmedSince = daysBefore(now, env.RETENTION_UNCONFIRMED_DAYS);
  const networkSince = daysBefore(now, env.RETENTION_NETWORK_DAYS);
  // Each batch is found, then deleted under the same condition, so a row that changed in between stays.
  const batches = <T,>(find: (take: number) => Promise<T[]>, remove: (rows: T[]) => Promise<{ count: number }>) =>
    inBatches(find, async (rows) => (await remove(rows)).count, batchSize);

  const sentWhere = { status: "sent", sentAt: { lt: daysBefore(now, SENT_MAIL_DAYS) } };
  const failedWhere = { status: "failed", createdAt: { lt: daysBefore(now, FAILED_MAIL_DAYS) } };
  const confirmationWhere = { OR: [{ expiresAt: { lt: now } }, { usedAt: { lt: daysBefore(now, USED_CONFIRMATION_DAYS) } }] };
  const withdrawnWhere = { withdrawnAt: { lt: daysBefore(now, WITHDRAWN_LINK_DAYS) } };
  const expired = { expiresAt: { lt: now } };
  const webhookWhere = {
    OR: [
      { status: "delivered", deliveredAt: { lt: daysBefore(now, DELIVERED_WEBHOOK_DAYS) } },
      { status: "failed", createdAt: { lt: daysBefore(now, FAILED_WEBHOOK_DAYS) } },
      // still waiting long after its day of retries: its endpoint has been off since
      { status: "pending", retryUntil: { lt: daysBefore(now, FAILED_WEBHOOK_DAYS) } },
    ],
  };

  const counts: RetentionCounts = {
    unconfirmedSignatures: await deleteUnconfirmedSignatures(unconfirmedSince, now, batchSize),
    networkHashes: await forgetNetworkHashes(networkSince, batchSize),
    rateLimits: await batches(
      (take) => db.rateLimit.findMany({ where: { expire: { lt: BigInt(now.getTime()) } }, select: { key: true }, take }),
      (rows) => db.rateLimit.deleteMany({ where: { key: { in: rows.map((r) => r.key) }, expire: { lt: BigInt(now.getTime()) } } }),
    ),
    proofsOfWork: await batches(
      (take) => db.proofOfWorkUse.findMany({ where: expired, select: { key: true }, take }),
      (rows) => db.proofOfWorkUse.deleteMany({ where: { key: { in: rows.map((r) => r.key) }, ...expired } }),
    ),
    sentEmails: await batches(
      (take) => db.outboxEmail.findMany({ where: sentWhere, select: { id: true }, take }),
      (rows) => db.outboxEmail.deleteMany({ where: { id: { in: idsOf(rows) }, ...sentWhere } }),
    ),
    failedEmails: await batches(
      (take) => db.outboxEmail.findMany({ where: failedWhere, select: { id: true }, take }),
      (rows) => db.outboxEmail.deleteMany({ where: { id: { in: idsOf(rows) }, ...failedWhere } }),
    ),
    sessions: await batches(
      (take) => db.session.findMany({ where: { expires: { lt: now } }, select: { sessionToken: true }, take }),
      (rows) => db.session.deleteMany({ where: { sessionToken: { in: rows.map((r) => r.sessionToken) }, expires: { lt: now } } }),
    ),
    signInTokens: await batches(
      (take) => db.verificationToken.findMany({ where: { expires: { lt: now } }, select: { token: true }, take }),
      (rows) => db.verificationToken.deleteMany({ where: { token: { in: rows.map((r) => r.token) }, expires: { lt: now } } }),
    ),
    confirmationTokens: await batches(
      (take) => db.confirmationToken.findMany({ where: confirmationWhere, select: { id: true }, take }),
      (rows) => db.confirmationToken.deleteMany({ where: { id: { in: idsOf(rows) }, ...confirmationWhere } }),
    ),
    dataRequestTokens: await batches(
      (take) => db.dataRequestToken.findMany({ where: expired, select: { id: true }, take }),
      (rows) => db.dataRequestToken.deleteMany({ where: { id: { in: idsOf(rows) }, ...expired } }),
    ),
    withdrawalTokens: await batches(
      (take) => db.withdrawalToken.findMany({ where: withdrawnWhere, select: { id: true }, take }),
      (rows) => db.withdrawalToken.deleteMany({ where: { id: { in: idsOf(rows) }, ...withdrawnWhere } }),
    ),
    ...(await anonymizeClosedLetters({ now, batchSize }).then(({ letters, signatures }) => ({
      anonymizedLetters: letters,
      anonymizedSignatures: signatures,
    }))),
    webhookDeliveries: await batches(
      (take) => db.webhookDelivery.findMany({ where: webhookWhere, select: { id: true }, take }),
      (rows) => db.webhookDelivery.deleteMany({ where: { id: { in: idsOf(rows) }, ...webhookWhere } }),
    ),
  };
  await db.auditLog.create({
    data: { actorEmail: "system", action: "retention.run", targetType: "database", detail: JSON.stringify(counts) },
  });
  return counts;
}

const idsOf = (rows: { id: string }[]) => rows.map((row) => row.id);

/**
 * Signatures never confirmed (and so never counted), made before `since`, whose last
 * confirmation link has expired (a repeat signing sends a fresh one, which still works),
 * with their confirmation links and the messages sent about them.
 */
function deleteUnconfirmedSignatures(since: Date, now: Date, batchSize?: number): Promise<number> {
  const where = {
    status: { in: ["unverified", "fraud", "rejected"] },
    confirmedAt: null,
    countedAt: null,
    createdAt: { lt: since },
    tokens: { none: { expiresAt: { gte: now } } },
  } satisfies Prisma.SignatureWhereInput;
  return inBatches(
    (take) => db.signature.findMany({ where, select: { id: true }, take }),
    (rows) =>
      db.$transaction(async (tx) => {
        // Locked, then checked again: a signature confirmed or sent a fresh link meanwhile is left alone.
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Signature" WHERE "id" IN (${Prisma.join(rows.map((row) => row.id))})
          ${provider === "postgresql" ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
        const still = await tx.signature.findMany({ where: { id: { in: locked.map((row) => row.id) }, ...where }, select: { id: true } });
        const ids = still.map((row) => row.id);
        if (ids.length === 0) return 0;
        await tx.outboxEmail.deleteMany({ where: { signatureId: { in: ids } } });
        // Their withdrawal links say the signature is gone, as after a withdrawal, and go 30 days later.
        await tx.withdrawalToken.updateMany({ where: { signatureId: { in: ids }, withdrawnAt: null }, data: { withdrawnAt: now } });
        return (await tx.signature.deleteMany({ where: { id: { in: ids } } })).count;
      }),
    batchSize,
  );
}

/** Network-address hashes of signatures made before `since`, letter by letter. */
async function forgetNetworkHashes(since: Date, batchSize?: number): Promise<number> {
  let forgotten = 0;
  for (const { id: letterId } of await db.letter.findMany({ select: { id: true } })) {
    const where = { ipHash: { not: null }, createdAt: { lt: since } };
    forgotten += await inBatches(
      signaturePages(letterId, where),
      async (rows) => (await db.signature.updateMany({ where: { id: { in: rows.map((row) => row.id) }, ...where }, data: { ipHash: null } })).count,
      batchSize,
    );
  }
  return forgotten;
}
