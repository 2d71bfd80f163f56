import { provider } from "../db";

/**
 * Rows are taken and acted on this many at a time, so no statement holds a write lock
 * for long. On SQLite, Prisma allows 999 parameters in a statement, and a batch's ids
 * share it with the statement's conditions.
 */
export const RETENTION_BATCH = provider === "sqlite" ? 500 : 1_000;

/**
 * Takes up to `size` rows, acts on them, and again until a take comes back short;
 * returns how many rows the actions changed. `take` must stop returning a row once it
 * has been acted on (or pass the last row on, as a cursor), so the loop ends.
 */
export async function inBatches<T>(
  take: (size: number, last: T | undefined) => Promise<T[]>,
  act: (rows: T[]) => Promise<number>,
  size = RETENTION_BATCH,
): Promise<number> {
  let done = 0;
  let last: T | undefined;
  for (;;) {
    const rows = await take(size, last);
    if (rows.length > 0) done += await act(rows);
    if (rows.length < size) return done;
    last = rows.at(-1);
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** The same day of the month `months` later (or the month's last day, when it is shorter), in UTC. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
