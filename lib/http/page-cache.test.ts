import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetPages, isPageFill, pageFromMemory } from "./page-cache";

// A local server stands in for Next: the cache fetches pages from this process's PORT.
// Each path answers what `pages` says, and every fetch is recorded.
type Answer = { status?: number; headers?: Record<string, string>; body: string; delayMs?: number };
const pages = new Map<string, Answer>();
const fetched: { path: string; fill: boolean; encoding: string | undefined }[] = [];
let server: http.Server;
let port = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const answer = pages.get(req.url ?? "") ?? { status: 404, body: "not found" };
    const fakeRequest = new Request("http://x/", { headers: { "x-page-cache-fill": String(req.headers["x-page-cache-fill"] ?? "") } });
    fetched.push({ path: req.url ?? "", fill: isPageFill(fakeRequest), encoding: req.headers["accept-encoding"] as string | undefined });
    setTimeout(() => {
      res.writeHead(answer.status ?? 200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "s-maxage=1, stale-while-revalidate=4",
        vary: "rsc, next-router-state-tree",
        ...answer.headers,
      });
      res.end(answer.body);
    }, answer.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = String((server.address() as { port: number }).port);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  vi.stubEnv("PORT", port);
  vi.useRealTimers();
  forgetPages();
  pages.clear();
  fetched.length = 0;
});

const read = (path: string, headers: Record<string, string> = {}) =>
  pageFromMemory(new Request(`http://letters.test${path}`, { headers }), path);

describe("pageFromMemory", () => {
  it("fetches a shareable page once, marked as the cache's own fetch, and serves it from memory with an ETag", async () => {
    pages.set("/letters/a", { body: "<h1>Letter A</h1>" });
    const first = await read("/letters/a");
    const second = await read("/letters/a");
    expect(await first!.text()).toBe("<h1>Letter A</h1>");
    expect(await second!.text()).toBe("<h1>Letter A</h1>");
    expect(first!.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(first!.headers.get("cache-control")).toBe("s-maxage=1, stale-while-revalidate=4");
    expect(first!.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(first!.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(first!.headers.get("access-control-allow-origin")).toBeNull();
    expect(fetched).toEqual([{ path: "/letters/a", fill: true, encoding: "identity" }]);

    const again = await read("/letters/a", { "if-none-match": first!.headers.get("etag")! });
    expect(again!.status).toBe(304);
  });

  it("makes one fetch for many readers arriving together", async () => {
    pages.set("/letters/a", { body: "slow page", delayMs: 50 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => read("/letters/a")));
    expect(answers.every((answer) => answer?.status === 200)).toBe(true);
    expect(fetched).toHaveLength(1);
  });

  it.each([
    ["a private page", { headers: { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" } }],
    ["a page without s-maxage", { headers: { "cache-control": "public, max-age=60" } }],
    ["a page that sets a cookie", { headers: { "set-cookie": "session=1" } }],
    ["a page that is not HTML", { headers: { "content-type": "text/x-component" } }],
    ["a 404", { status: 404 }],
    ["a redirect", { status: 307, headers: { location: "/elsewhere" } }],
  ] as const)("keeps nothing of %s and leaves it to Next", async (_, answer) => {
    pages.set("/letters/a", { body: "personal", ...answer });
    expect(await read("/letters/a")).toBeNull();
    expect(await read("/letters/a")).toBeNull();
    expect(fetched).toHaveLength(2);
  });

  it("serves a stale page at once while one fetch brings the new one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    pages.set("/letters/a", { body: "first" });
    expect(await (await read("/letters/a"))!.text()).toBe("first");
    pages.set("/letters/a", { body: "second", delayMs: 30 });

    vi.advanceTimersByTime(400); // still fresh
    expect(await (await read("/letters/a"))!.text()).toBe("first");
    expect(fetched).toHaveLength(1);

    vi.advanceTimersByTime(200); // stale: served as it is, and fetched again once
    expect(await (await read("/letters/a"))!.text()).toBe("first");
    expect(await (await read("/letters/a"))!.text()).toBe("first");
    await vi.waitFor(async () => expect(await (await read("/letters/a"))!.text()).toBe("second"));
    expect(fetched).toHaveLength(2);
  });

  it("waits for a fresh copy rather than serve one older than the page's stale-while-revalidate", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    pages.set("/letters/a", { body: "old" });
    await read("/letters/a");
    pages.set("/letters/a", { body: "new", delayMs: 20 });
    vi.advanceTimersByTime(61_000);
    expect(await (await read("/letters/a"))!.text()).toBe("new");
  });

  it("leaves pages to Next for a while when this server cannot be reached at its port", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    pages.set("/letters/a", { body: "page" });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = String((closed.address() as { port: number }).port);
    await new Promise((resolve) => closed.close(resolve));
    vi.stubEnv("PORT", closedPort);
    await expect(read("/letters/a")).rejects.toThrow();

    vi.stubEnv("PORT", port);
    expect(await read("/letters/a")).toBeNull(); // not tried again at once
    expect(fetched).toHaveLength(0);
    vi.advanceTimersByTime(10_000);
    expect(await (await read("/letters/a"))!.text()).toBe("page");
  });

  it("lets the last copy stand in while Next cannot render the page (5xx), and never waits past 5 s otherwise", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    pages.set("/letters/a", { body: "last good copy" });
    await read("/letters/a");
    pages.set("/letters/a", { status: 500, body: "database down" });
    vi.advanceTimersByTime(60_000);
    expect(await (await read("/letters/a"))!.text()).toBe("last good copy");
    expect(fetched).toHaveLength(2);
    pages.set("/letters/a", { body: "rendered again" });
    vi.advanceTimersByTime(5_000);
    expect(await (await read("/letters/a"))!.text()).toBe("rendered again");
  });

  it("asks again at once for a copy Next served stale", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    pages.set("/letters/a", { body: "stale at Next", headers: { "x-nextjs-cache": "STALE" } });
    await read("/letters/a");
    pages.set("/letters/a", { body: "fresh at Next", headers: { "x-nextjs-cache": "HIT" } });
    await read("/letters/a"); // the stale copy, once more, while it is fetched again
    await vi.waitFor(() => expect(fetched).toHaveLength(2));
    await vi.waitFor(async () => expect(await (await read("/letters/a"))!.text()).toBe("fresh at Next"));
  });

  it("drops a stale page that is gone (a letter unpublished)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    pages.set("/letters/a", { body: "published" });
    await read("/letters/a");
    pages.set("/letters/a", { status: 404, body: "gone" });
    vi.advanceTimersByTime(600);
    await read("/letters/a"); // stale, served once more; the fetch finds the 404
    await vi.waitFor(() => expect(fetched).toHaveLength(2));
    await vi.waitFor(async () => expect(await read("/letters/a")).toBeNull());
  });

  it("forgetPages makes the next reader wait for a fresh copy", async () => {
    pages.set("/letters/a", { body: "before" });
    await read("/letters/a");
    pages.set("/letters/a", { body: "after" });
    forgetPages();
    expect(await (await read("/letters/a"))!.text()).toBe("after");
  });

  it("does not keep a copy whose fetch began before forgetPages", async () => {
    pages.set("/letters/a", { body: "before the change", delayMs: 50 });
    const early = read("/letters/a");
    await vi.waitFor(() => expect(fetched).toHaveLength(1)); // the fetch is under way
    pages.set("/letters/a", { body: "after the change" });
    forgetPages();
    expect(await (await early)!.text()).toBe("before the change"); // its own reader still gets it
    expect(await (await read("/letters/a"))!.text()).toBe("after the change");
    expect(fetched).toHaveLength(2);
  });

  it("keeps a bounded number of pages, dropping those not read for longest", async () => {
    for (let i = 0; i < 40; i++) pages.set(`/letters/p${i}`, { body: `page ${i}` });
    for (let i = 0; i < 40; i++) await read(`/letters/p${i}`);
    fetched.length = 0;
    await read("/letters/p39");
    await read("/letters/p0");
    expect(fetched.map((f) => f.path)).toEqual(["/letters/p0"]);
  });

  it("sends HEAD without a body", async () => {
    pages.set("/letters/a", { body: "<h1>Letter A</h1>" });
    const head = await pageFromMemory(new Request("http://letters.test/letters/a", { method: "HEAD" }), "/letters/a");
    expect(head!.status).toBe(200);
    expect(head!.body).toBeNull();
  });
});

describe("isPageFill", () => {
  it("is false for a request without the cache's secret, or with a guessed one", () => {
    expect(isPageFill(new Request("http://letters.test/letters/a"))).toBe(false);
    expect(isPageFill(new Request("http://letters.test/letters/a", { headers: { "x-page-cache-fill": "0".repeat(32) } }))).toBe(false);
    expect(isPageFill(new Request("http://letters.test/letters/a", { headers: { "x-page-cache-fill": "1" } }))).toBe(false);
  });
});
