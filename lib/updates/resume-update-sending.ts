import "server-only";
import pg from "pg";
import { db, provider } from "../db";
import { getEnv } from "../env";
import { processMemory } from "../memory/process-memory";
import { fillUpdateRecipients } from "./fill-update-recipients";

/** Any constant of this app's choosing (the counts' roll-up holds 4711020601, retention 4711020602). */
const LOCK_KEY = "4711020603";

/**
 * Queues every update that is "sending" (fill-update-recipients.ts), unless this is
 * running already here or, on PostgreSQL, in another process: one filler at a time, under
 * a session advisory lock on a connection of its own, released with it if the process
 * dies. Sending an update starts it; the outbox worker calls it now and then, so an update
 * a restart interrupted is picked up again. Returns how many messages it queued.
 */
export async function resumeUpdateSending(): Promise<number> {
  const inProcess = processMemory("updates.filling", () => ({ running: false }));
  if (inProcess.running) return 0;
  inProcess.running = true;
  try {
    if (provider !== "postgresql") return await fillAll();
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS "locked"`);
      if (!rows[0].locked) return 0;
      try {
        return await fillAll();
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
      }
    } finally {
      await client.end();
    }
  } finally {
    inProcess.running = false;
  }
}

async function fillAll(): Promise<number> {
  let queued = 0;
  // Again until none is left: an update sent while this ran is queued by this run too.
  for (;;) {
    const sending = await db.letterUpdate.findMany({ where: { status: "sending" }, select: { id: true }, orderBy: { sendStartedAt: "asc" } });
    if (sending.length === 0) return queued;
    for (const { id } of sending) queued += (await fillUpdateRecipients({ updateId: id })).queued;
  }
}
