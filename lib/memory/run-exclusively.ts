import "server-only";
import pg from "pg";
import { provider } from "../db";
import { getEnv } from "../env";
import { processMemory } from "./process-memory";

// One runner at a time for a background job: in this process (a flag kept in process
// memory) and, on PostgreSQL, across processes (a session advisory lock on a connection
// of the job's own, held for the job's whole length while its work runs in many short
// transactions on the shared pool; a process that dies releases it with its connection).

/**
 * The advisory lock keys of this app's jobs: any constants of its choosing, one per job.
 * (The counts' roll-up holds 4711020601, as a transaction lock: lib/counts/roll-up-counts.ts.)
 */
export const LOCK_KEYS = {
  retention: "4711020602",
  updateFilling: "4711020603",
} as const;

/** Runs `job` unless it is running already, here or elsewhere; `skipped` is then the answer. */
export async function runExclusively<T>(name: keyof typeof LOCK_KEYS, job: () => Promise<T>, skipped: T): Promise<T> {
  const inProcess = processMemory(`exclusive.${name}`, () => ({ running: false }));
  if (inProcess.running) return skipped;
  inProcess.running = true;
  try {
    if (provider !== "postgresql") return await job();
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEYS[name]}) AS "locked"`);
      if (!rows[0].locked) return skipped;
      try {
        return await job();
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK_KEYS[name]})`);
      }
    } finally {
      await client.end();
    }
  } finally {
    inProcess.running = false;
  }
}
