import "server-only";
import { isDatabaseUnavailable } from "../database-unavailable";
import { forgetProcessMemory, processMemory } from "../memory/process-memory";
import { runRetentionExclusively } from "./run-retention-exclusively";
import type { RetentionCounts } from "./run-retention";

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Late enough that a start, and a test run against a fresh server, is never disturbed;
 * soon enough that a process restarted every day still runs it.
 */
const FIRST_RUN_AFTER_MS = 60 * 60 * 1000;

/**
 * Runs retention an hour after the process starts, then every 24 hours; a failed run
 * is logged and tried at the next turn. With several processes each keeps its timer:
 * the lock in runRetentionExclusively lets one run at a time, and a turn that comes
 * within 90% of a day of another process's run is skipped. Returns what stops it.
 */
export function startRetentionJob({
  firstRunAfterMs = FIRST_RUN_AFTER_MS,
  everyMs = DAY_MS,
  run = runRetentionExclusively,
}: { firstRunAfterMs?: number; everyMs?: number; run?: typeof runRetentionExclusively } = {}): () => void {
  return processMemory("retention-job", () => {
    const turn = async () => {
      try {
        const now = new Date();
        const counts = await run({ now, unlessRanSince: new Date(now.getTime() - everyMs * 0.9) });
        if (counts) console.log(`[retention] ${describeRetention(counts).filter((line) => !line.startsWith("0 ")).join(", ") || "nothing was due"}`);
      } catch (error) {
        const why = isDatabaseUnavailable(error) ? "the database is not answering" : (error as Error).message;
        console.error(`[retention] the daily run failed, it runs again in 24 hours: ${why}`);
      }
    };
    let interval: NodeJS.Timeout | undefined;
    const first = setTimeout(() => {
      void turn();
      interval = setInterval(turn, everyMs);
      interval.unref();
    }, firstRunAfterMs);
    first.unref();
    return () => {
      clearTimeout(first);
      clearInterval(interval);
      forgetProcessMemory("retention-job");
    };
  });
}

const DONE: Record<keyof RetentionCounts, string> = {
  unconfirmedSignatures: "unconfirmed signatures deleted",
  networkHashes: "network-address hashes forgotten",
  rateLimits: "expired rate-limit records deleted",
  proofsOfWork: "used proofs of work deleted",
  sentEmails: "delivered emails deleted",
  failedEmails: "undelivered emails deleted",
  sessions: "expired sessions deleted",
  signInTokens: "expired sign-in links deleted",
  confirmationTokens: "old confirmation links deleted",
  dataRequestTokens: "expired data-request links deleted",
  withdrawalTokens: "old withdrawal links deleted",
  anonymizedLetters: "letters anonymised",
  anonymizedSignatures: "signers' emails anonymised",
  webhookDeliveries: "delivered and failed webhooks deleted",
};

/** The counts in words, one line each ("12 unconfirmed signatures deleted"), for the log and `npm run retention`. */
export function describeRetention(counts: RetentionCounts): string[] {
  return (Object.keys(DONE) as (keyof RetentionCounts)[]).map((key) => `${counts[key]} ${DONE[key]}`);
}
