import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { configureDatabase } from "@/lib/db";
import {
  CSV_TTL_MS,
  SLOW_GRACE_MS,
  STREAMS_MAX,
  STREAMS_PER_CLIENT_PER_HOUR,
  publicSignatoriesCsv,
  type PublicCsv,
} from "@/lib/export/public-signatories-csv";
import { AppError } from "@/lib/http/app-error";
import { forgetLetter } from "@/lib/memory/letter-changed";
import { countsOf, createLetter, individual, signAndConfirm } from "../support/factories";

// The public signatories CSV, which anyone may ask for in a loop, on a real database:
// kept as bytes for a few seconds when small, streamed a few at a time when large.

beforeAll(() => configureDatabase());
afterEach(() => vi.useRealTimers());

let clients = 0;
/** A client of its own for each request, so that the per-client limit stays out of the way. */
const someClient = () => `198.51.100.${++clients % 250}`;

const text = (csv: PublicCsv) =>
  "representation" in csv ? new TextDecoder().decode(csv.representation.bytes) : Promise.reject(new Error("expected bytes, got a stream"));

/** A letter with one listed, counted signatory, its counts in memory up to date. */
async function letterWithOneSigner(name: string) {
  const letter = await createLetter();
  await signAndConfirm(letter, individual({ name }));
  await countsOf(letter);
  return letter;
}

describe("publicSignatoriesCsv: a small list", () => {
  it("builds the list once and serves the same bytes for 5 s, without asking the database again", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const letter = await letterWithOneSigner("First Signer");
    const options = { letterId: letter.id, since: letter.createdAt, client: someClient() };
    const first = await publicSignatoriesCsv(options);
    expect(await text(first)).toContain("First Signer");

    // A new signatory counted meanwhile is not read until the kept copy is 5 s old.
    await signAndConfirm(letter, individual({ name: "Second Signer" }));
    vi.setSystemTime(Date.now() + CSV_TTL_MS - 100);
    const kept = await publicSignatoriesCsv(options);
    expect("representation" in kept && kept.representation).toBe("representation" in first && first.representation);

    vi.setSystemTime(Date.now() + 200);
    await countsOf(letter);
    const fresh = await text(await publicSignatoriesCsv(options));
    expect(fresh).toContain("First Signer");
    expect(fresh).toContain("Second Signer");
  });

  it("forgets the kept list at once when a moderator changes the letter", async () => {
    const letter = await letterWithOneSigner("Kept Signer");
    const options = { letterId: letter.id, since: letter.createdAt, client: someClient() };
    expect(await text(await publicSignatoriesCsv(options))).not.toContain("Later Signer");
    await signAndConfirm(letter, individual({ name: "Later Signer" }));
    forgetLetter({ what: "letter", letterId: letter.id });
    expect(await text(await publicSignatoriesCsv(options))).toContain("Later Signer");
  });

  it("gives the kept list a strong ETag", async () => {
    const letter = await letterWithOneSigner("Etag Signer");
    const csv = await publicSignatoriesCsv({ letterId: letter.id, since: letter.createdAt, client: someClient() });
    expect("representation" in csv && csv.representation.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });
});

describe("publicSignatoriesCsv: a large list", () => {
  it(`streams it, at most ${STREAMS_MAX} at once, and asks the next reader to come back with 503 and Retry-After`, async () => {
    const letter = await letterWithOneSigner("Streamed Signer");
    const large = () => ({ letterId: letter.id, since: letter.createdAt, client: someClient(), cachedRowsMax: 0 });
    const open = await Promise.all(Array.from({ length: STREAMS_MAX }, () => publicSignatoriesCsv(large())));
    for (const csv of open) expect("stream" in csv).toBe(true);

    const busy = await publicSignatoriesCsv(large()).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(AppError);
    expect(busy).toMatchObject({ status: 503, code: "export_busy", headers: { "Retry-After": "10" } });

    // One read to its end and one cancelled (a download stopped) free their places.
    const [read, cancelled] = open as { stream: ReadableStream<Uint8Array> }[];
    expect(await new Response(read.stream).text()).toContain("Streamed Signer");
    await cancelled.stream.cancel();
    const again = await Promise.all(Array.from({ length: STREAMS_MAX }, () => publicSignatoriesCsv(large())));
    for (const csv of again) await ("stream" in csv && csv.stream.cancel());
  });

  it("cuts a download read too slowly, freeing its place, and lets one client start only a few an hour", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "Date"], now: Date.now() });
    const letter = await letterWithOneSigner("Slow Reader");
    const large = (client = someClient()) => ({ letterId: letter.id, since: letter.createdAt, client, cachedRowsMax: 0 });
    const held = (await Promise.all(Array.from({ length: STREAMS_MAX }, () => publicSignatoriesCsv(large())))) as { stream: ReadableStream<Uint8Array> }[];
    await expect(publicSignatoriesCsv(large())).rejects.toMatchObject({ status: 503 });

    // Nobody reads: past the grace time the downloads are cut and their places are free.
    vi.advanceTimersByTime(SLOW_GRACE_MS + SLOW_GRACE_MS / 6);
    for (const { stream } of held) await expect(new Response(stream).text()).rejects.toThrow(/too slow/);
    const next = await publicSignatoriesCsv(large());
    expect("stream" in next).toBe(true);
    await ("stream" in next && next.stream.cancel());

    // One client, many starts: a 429 past its share.
    const one = "203.0.113.77";
    for (let i = 0; i < STREAMS_PER_CLIENT_PER_HOUR; i++) {
      const csv = await publicSignatoriesCsv(large(one));
      await ("stream" in csv && csv.stream.cancel());
    }
    await expect(publicSignatoriesCsv(large(one))).rejects.toMatchObject({ status: 429 });
  });
});
