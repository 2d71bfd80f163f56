import "server-only";
import crypto from "node:crypto";
import { whenLetterChanges } from "../memory/letter-changed";
import { processMemory } from "../memory/process-memory";
import { representation, representationResponse, type Representation } from "./responses";

// Shared pages (a letter page, re-rendered by Next at most once a second) kept in this
// process's memory as bytes and sent as one chunk. Next's own cache hit went through its
// page machinery at a cost that grew with the page's size: the full letter page (148 KB)
// took 743 µs of the server's CPU against 420 µs for an empty letter's 55 KB; from here
// both take about 500 µs (README, Benchmark).
//
// A page is fetched from this same server, as any client would, and kept only if Next
// marked it shareable (s-maxage, no cookie set). It is fresh for half a second; after
// that readers still get it while one fetch brings the next copy, for at most 5 s in all
// (the page's own stale-while-revalidate; the contract's bound on counts), and while Next
// cannot render it (the database down) the last copy stands in. If this server cannot be reached at its own
// port (bound to another address), Next answers for a while before the cache tries again.

const FRESH_MS = 500;
/** The contract's 5 s: an older copy is not served while the next one is fetched (next.config.ts expireTime). */
const MAX_STALE_MS = 5_000;
/** While Next fails to render the page (the database down), the last copy stands in this long. */
const STALE_IF_ERROR_MS = 24 * 60 * 60 * 1000;
const RETRY_AFTER_FAILURE_MS = 10_000;
const MAX_PAGES = 32;
const FETCH_TIMEOUT_MS = 10_000;
/** Marks the fetch that fills the cache, so that it reaches Next and not the cache. */
const FILL_HEADER = "x-page-cache-fill";

/**
 * What a page kept here says to browsers and shared caches, and what the proxy puts on
 * the fill's render of a page that is the same for every reader of its address (Next
 * marks a page rendered per request private): fresh for a second, then served stale
 * while the next copy is fetched, 5 s in all.
 */
export const SHARED_PAGE_CACHE_CONTROL = "s-maxage=1, stale-while-revalidate=4";

/** What a fill brings when Next answered 5xx: not a page, and not "no page" either. */
const FAILED = Symbol("failed");

interface Page {
  at: number;
  representation: Representation;
  headers: Record<string, string>;
}

const state = processMemory<PageCacheState>("page-cache", () => ({
  pages: new Map(),
  filling: new Map(),
  failedAt: 0,
  generation: 0,
  secret: crypto.randomBytes(16).toString("hex"),
}));
// An editor's or moderator's change shows at once rather than within half a second.
whenLetterChanges("page-cache", ({ what }) => what === "letter" && forgetPages());
interface PageCacheState {
  pages: Map<string, Page>;
  filling: Map<string, Promise<Page | null | typeof FAILED>>;
  /** When a fetch last failed outright (no answer at all). */
  failedAt: number;
  /** Counts forgetPages calls: a fetch begun before one must not store what it brings. */
  generation: number;
  /** Known only to this process: a client cannot make its request count as a fill. */
  secret: string;
}

/** The page at this path from memory, or null when it is not a shareable page. */
export async function pageFromMemory(request: Request, path: string): Promise<Response | null> {
  const now = Date.now();
  if (now - state.failedAt < RETRY_AFTER_FAILURE_MS) return null;
  const kept = state.pages.get(path);
  let page: Page | null | undefined | typeof FAILED = kept;
  if (page && now - page.at >= MAX_STALE_MS) page = undefined;
  if (page && now - page.at >= FRESH_MS) void refill(path).catch(() => undefined);
  page ??= await refill(path);
  // Next answered with an error (it could not render): the last copy stands in.
  if (page === FAILED) page = kept && now - kept.at < STALE_IF_ERROR_MS ? kept : null;
  if (!page) return null;
  return representationResponse(request, page.representation, page.headers);
}

/** True for the cache's own fetch, which must go on to Next. */
export function isPageFill(request: Request): boolean {
  const value = request.headers.get(FILL_HEADER);
  return value !== null && value.length === state.secret.length &&
    crypto.timingSafeEqual(Buffer.from(value), Buffer.from(state.secret));
}

/** Forget kept pages. */
export function forgetPages(): void {
  state.pages.clear();
  state.filling.clear();
  state.failedAt = 0;
  state.generation++;
}

function refill(path: string): Promise<Page | null | typeof FAILED> {
  let filling = state.filling.get(path);
  if (!filling) {
    filling = fetchPage(path)
      .catch((error: unknown) => {
        state.failedAt = Date.now();
        throw error;
      })
      .finally(() => {
        if (state.filling.get(path) === filling) state.filling.delete(path);
      });
    state.filling.set(path, filling);
  }
  return filling;
}

async function fetchPage(path: string): Promise<Page | null | typeof FAILED> {
  const generation = state.generation;
  const response = await fetch(`http://127.0.0.1:${process.env.PORT ?? "3000"}${path}`, {
    headers: { [FILL_HEADER]: state.secret, "accept-encoding": "identity" },
    cache: "no-store",
    redirect: "manual",
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const cacheControl = response.headers.get("cache-control") ?? "";
  const shareable =
    response.status === 200 &&
    (response.headers.get("content-type") ?? "").startsWith("text/html") &&
    !response.headers.has("set-cookie") &&
    !response.headers.has("content-encoding") &&
    /\bs-maxage=\d/.test(cacheControl) &&
    !/\b(private|no-store)\b/.test(cacheControl);
  if (response.status >= 500) return FAILED; // the kept copy, if any, stays
  if (!shareable) {
    state.pages.delete(path);
    return null;
  }
  // The page's Vary names the router's headers: a CDN must not give its HTML to them.
  const names = [...(response.headers.get("vary") ?? "").split(","), "Accept-Encoding"].map((name) => name.trim());
  const vary = [...new Set(names.filter(Boolean))];
  const page = {
    // A copy Next itself served stale (it renders the next one meanwhile) is asked for again at once.
    at: response.headers.get("x-nextjs-cache") === "STALE" ? Date.now() - FRESH_MS : Date.now(),
    representation: representation(body, response.headers.get("content-type")!),
    headers: { "Cache-Control": cacheControl, Vary: vary.join(", ") },
  };
  if (generation !== state.generation) return page; // for the readers who waited, not kept
  state.pages.delete(path); // re-inserted last: pages no one reads go first
  if (state.pages.size >= MAX_PAGES) state.pages.delete(state.pages.keys().next().value!);
  state.pages.set(path, page);
  return page;
}
