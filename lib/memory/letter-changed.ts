import "server-only";
import crypto from "node:crypto";
import { db, provider } from "../db";
import { processMemory } from "./process-memory";

// The one "this letter changed" call. Whatever a process keeps about a letter (its
// cached copy, counts, history, the letter page in memory, Next's own rendered pages)
// is forgotten here, in this process and, on PostgreSQL, in every other one through
// LISTEN/NOTIFY (lib/memory/change-listener.ts). On SQLite there is one process.
//
// - "counts": signatures were counted or uncounted (a confirmation). Forgotten here
//   only: the others' counts are at most 2 s old and the contract allows 5, and a viral
//   letter's hundreds of confirmations a second must not become as many broadcasts.
// - "letter": an editor or moderator changed the letter or its list (pause, edit,
//   reject). Forgotten everywhere at once: each process shows it within a second.

export type LetterChange = {
  /** The letter concerned; none means every letter. */
  letterId?: string;
  what: "counts" | "letter";
};

export const CHANGE_CHANNEL = "letter_changed";

/** Tells this process apart in the broadcast: it has applied its own change already. */
export const processId = processMemory("process.id", () => crypto.randomBytes(8).toString("hex"));

/** Everything in this process that forgets on a change: caches register here. */
const listeners = processMemory("letter-changed.listeners", () => new Map<string, (change: LetterChange) => void>());

/** Registers (or replaces, by name) what this process forgets when a letter changes. */
export function whenLetterChanges(name: string, listener: (change: LetterChange) => void): void {
  listeners.set(name, listener);
}

/** Applies a change to this process's memory. */
export function forgetLetter(change: LetterChange): void {
  for (const listener of listeners.values()) listener(change);
  if (change.what === "letter") expireNextPages();
}

/** Call after the change is committed. */
export async function letterChanged(change: LetterChange): Promise<void> {
  forgetLetter(change);
  if (change.what !== "letter" || provider !== "postgresql") return;
  const payload = JSON.stringify({ ...change, origin: processId });
  try {
    await db.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${payload})`;
  } catch (error) {
    // The others still catch up: their copies expire within seconds.
    console.warn(`[memory] could not tell other processes that a letter changed: ${(error as Error).message}`);
  }
}

/**
 * Next's cache of rendered pages is per process too. lib/memory/next-cache-handler.cjs
 * (next.config.ts `cacheHandler`) leaves a way to expire its tags here; the root
 * layout's tag is on every page, and letter changes are rare enough to drop them all.
 */
function expireNextPages(): void {
  const expireTags = processMemory<((tags: string[]) => Promise<void>) | null>("next.expireTags", () => null);
  void expireTags?.(["_N_T_/layout"]).catch(() => undefined);
}
