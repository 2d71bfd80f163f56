import "server-only";
import { letterCounts } from "../counts/letter-counts";
import { AppError } from "../http/app-error";
import { representation, type Representation } from "../http/responses";
import { whenLetterChanges } from "../memory/letter-changed";
import { processMemory } from "../memory/process-memory";
import { consumeLimit } from "../http/rate-limit";
import { timedCache } from "../memory/timed-cache";
import { signaturesCsv } from "./signatures-csv";

// The public list of signatories as CSV (GET /letters/{slug}/signatories.csv), which
// anyone may ask for in a loop. A letter of up to CACHED_ROWS_MAX counted signatures
// (read from the counts in memory, so deciding costs no query) is built once and kept as
// bytes for 5 s, the contract's bound for a withdrawn or hidden signature to leave every
// list: a loop then costs one build per letter per 5 s. A larger list is streamed from
// the database as it is read, at most STREAMS_MAX at once per process; past that the
// client is asked to come back. So that no one holds those places by reading slowly, a
// download slower than MIN_BYTES_PER_S on average after its first SLOW_GRACE_MS is cut
// (a list of a million rows, about 70 MB, still goes to a reader at 1 Mbit/s), and each
// client may start STREAMS_PER_CLIENT_PER_HOUR of them an hour.

export const CACHED_ROWS_MAX = 10_000;
export const CSV_TTL_MS = 5_000;
export const STREAMS_MAX = 2;
export const SLOW_GRACE_MS = 30_000;
export const MIN_BYTES_PER_S = 50 * 1024;
export const STREAMS_PER_CLIENT_PER_HOUR = 6;
const BUSY_RETRY_AFTER_S = 10;

const cache = timedCache<Representation>("signatories-csv", { ttlMs: CSV_TTL_MS, max: 16 });
// A moderator's change (a hidden or rejected signature) shows at once.
whenLetterChanges("signatories-csv", ({ what, letterId }) => what === "letter" && cache.forget(letterId));

const streams = processMemory("signatories-csv.streams", () => ({ open: 0 }));

export type PublicCsv = { representation: Representation } | { stream: ReadableStream<Uint8Array> };

export async function publicSignatoriesCsv({
  letterId,
  since,
  client,
  cachedRowsMax = CACHED_ROWS_MAX,
}: {
  letterId: string;
  /** The letter's creation, as letterCounts wants it. */
  since: Date;
  /** Who asks (lib/http/client-address.ts): each may start a few streams an hour. */
  client: string;
  cachedRowsMax?: number;
}): Promise<PublicCsv> {
  const { total } = await letterCounts(letterId, since);
  if (total <= cachedRowsMax) return { representation: await cache.get(letterId, () => build(letterId)) };
  await consumeLimit("signatories-csv-stream", client, { points: STREAMS_PER_CLIENT_PER_HOUR, durationS: 60 * 60 });
  if (streams.open >= STREAMS_MAX) {
    throw new AppError("export_busy", 503, { values: { seconds: BUSY_RETRY_AFTER_S }, headers: { "Retry-After": String(BUSY_RETRY_AFTER_S) } });
  }
  streams.open++;
  return { stream: releasedWhenDone(signaturesCsv({ letterId, audience: "public" }), () => streams.open--) };
}

async function build(letterId: string): Promise<Representation> {
  const bytes = new Uint8Array(await new Response(signaturesCsv({ letterId, audience: "public" })).arrayBuffer());
  return representation(bytes, "text/csv; charset=utf-8");
}

/**
 * The same stream, calling `release` once when it ends, fails, its reader cancels it, or
 * it is cut for reading too slowly.
 */
function releasedWhenDone(source: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const started = Date.now();
  let sent = 0;
  let released = false;
  let watchdog: ReturnType<typeof setInterval> | undefined;
  const done = () => {
    if (released) return;
    released = true;
    clearInterval(watchdog);
    release();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        watchdog = setInterval(() => {
          const elapsedMs = Date.now() - started;
          if (elapsedMs < SLOW_GRACE_MS || sent / (elapsedMs / 1000) >= MIN_BYTES_PER_S) return;
          done();
          void reader.cancel("too slow").catch(() => undefined);
          controller.error(new Error("the download was too slow and was stopped"));
        }, SLOW_GRACE_MS / 6);
        watchdog.unref?.();
      },
      async pull(controller) {
        try {
          const { done: end, value } = await reader.read();
          if (released) return;
          if (end) {
            done();
            controller.close();
          } else {
            sent += value.byteLength;
            controller.enqueue(value);
          }
        } catch (error) {
          done();
          controller.error(error);
        }
      },
      cancel(reason) {
        done();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
