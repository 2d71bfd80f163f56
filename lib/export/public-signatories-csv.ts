import "server-only";
import { letterCounts } from "../counts/letter-counts";
import { AppError } from "../http/app-error";
import { representation, type Representation } from "../http/responses";
import { whenLetterChanges } from "../memory/letter-changed";
import { processMemory } from "../memory/process-memory";
import { timedCache } from "../memory/timed-cache";
import { signaturesCsv } from "./signatures-csv";

// The public list of signatories as CSV (GET /letters/{slug}/signatories.csv), which
// anyone may ask for in a loop. A letter of up to CACHED_ROWS_MAX counted signatures
// (read from the counts in memory, so deciding costs no query) is built once and kept as
// bytes for 5 s, the contract's bound for a withdrawn or hidden signature to leave every
// list: a loop then costs one build per letter per 5 s. A larger list is streamed from
// the database as it is read, at most STREAMS_MAX at once per process; past that the
// client is asked to come back.

export const CACHED_ROWS_MAX = 10_000;
export const CSV_TTL_MS = 5_000;
export const STREAMS_MAX = 2;
const BUSY_RETRY_AFTER_S = 10;

const cache = timedCache<Representation>("signatories-csv", { ttlMs: CSV_TTL_MS, max: 16 });
// A moderator's change (a hidden or rejected signature) shows at once.
whenLetterChanges("signatories-csv", ({ what, letterId }) => what === "letter" && cache.forget(letterId));

const streams = processMemory("signatories-csv.streams", () => ({ open: 0 }));

export type PublicCsv = { representation: Representation } | { stream: ReadableStream<Uint8Array> };

export async function publicSignatoriesCsv({
  letterId,
  since,
  cachedRowsMax = CACHED_ROWS_MAX,
}: {
  letterId: string;
  /** The letter's creation, as letterCounts wants it. */
  since: Date;
  cachedRowsMax?: number;
}): Promise<PublicCsv> {
  const { total } = await letterCounts(letterId, since);
  if (total <= cachedRowsMax) return { representation: await cache.get(letterId, () => build(letterId)) };
  if (streams.open >= STREAMS_MAX) {
    throw new AppError(
      "export_busy",
      503,
      `This list is being downloaded by others right now. Please try again in ${BUSY_RETRY_AFTER_S} seconds.`,
      undefined,
      { "Retry-After": String(BUSY_RETRY_AFTER_S) },
    );
  }
  streams.open++;
  return { stream: releasedWhenDone(signaturesCsv({ letterId, audience: "public" }), () => streams.open--) };
}

async function build(letterId: string): Promise<Representation> {
  const bytes = new Uint8Array(await new Response(signaturesCsv({ letterId, audience: "public" })).arrayBuffer());
  return representation(bytes, "text/csv; charset=utf-8");
}

/** The same stream, calling `release` once when it ends, fails or its reader cancels it. */
function releasedWhenDone(source: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let released = false;
  const done = () => {
    if (released) return;
    released = true;
    release();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done: end, value } = await reader.read();
          if (end) {
            done();
            controller.close();
          } else controller.enqueue(value);
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
