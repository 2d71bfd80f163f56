import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInAs } from "./admin-support";
import { CLUSTER_ADMIN_EMAIL, startCluster, type Cluster } from "./cluster";
import { sql } from "./db";
import type { ReceivedEmail } from "./resend-stand-in";
import { confirmLink, createLetter, uniqueEmail } from "./support";

// Two app processes (A, B) on one PostgreSQL database behind nginx, with a third (C)
// started beside them later, behave as one site (../shared/DESIGN.md, "Several servers").
// Run with E2E_SUITE=several-processes and TEST_POSTGRESQL_URL, after a build (npm test
// does both). Every bound is measured from the answer to the action that caused it, by
// polling every 100 ms, and written to the report as a "measured" annotation.

const RATE_LIMIT = 6;
let cluster: Cluster;
let failed = false;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startCluster({ now: ["A", "B"], later: ["C"], env: { SIGN_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) } });
});
test.afterEach(({}, info) => {
  if (info.status !== info.expectedStatus) failed = true;
});
test.afterAll(async () => {
  await cluster?.stop({ keepLogs: failed });
});

const A = () => cluster.processes.A.url;
const B = () => cluster.processes.B.url;
const N = () => cluster.nginx.url;
const newLetter = () => createLetter({}, cluster.databaseUrl);
/** A client address of its own, so that signing limits per address stay out of the way. */
const someAddress = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

function sign(request: APIRequestContext, base: string, slug: string, { email = uniqueEmail("cluster"), name = "Clus Ter", from = someAddress() } = {}) {
  return request.post(`${base}/api/letters/${slug}/signatures`, {
    data: { kind: "individual", name, email, country: "FR", listPublicly: true, consent: true },
    headers: { "X-Forwarded-For": from },
  });
}

const mailTo = (address: string): ReceivedEmail[] => cluster.standIn.emails.filter((e) => e.to.includes(address));

async function firstMailTo(address: string): Promise<ReceivedEmail> {
  await expect.poll(() => mailTo(address).length, { timeout: 20_000, message: `an email to ${address}` }).toBeGreaterThan(0);
  return mailTo(address)[0];
}

/** Opens the emailed confirmation link on one process (not through nginx) and presses the button. */
async function confirmOn(page: Page, base: string, link: string): Promise<number> {
  const url = new URL(link);
  await page.goto(`${base}${url.pathname}`);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  return Date.now();
}

async function total(request: APIRequestContext, base: string, slug: string): Promise<number> {
  const response = await request.get(`${base}/api/letters/${slug}/counts`);
  expect(response.status()).toBe(200);
  return (await response.json()).total;
}

/** The number shown in an element of a page (`data-testid`), read from its HTML. */
async function shown(request: APIRequestContext, url: string, testId: string): Promise<string | undefined> {
  const html = await (await request.get(url)).text();
  return html.match(new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`))?.[1].trim();
}

/**
 * Milliseconds from `since` until `check` holds, polling every 100 ms; fails past `limitMs`
 * (it keeps looking a little longer, so that a miss says by how much).
 */
async function measure(what: string, since: number, limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const deadline = since + limitMs * 3 + 2_000;
  let elapsed = -1;
  while (Date.now() < deadline) {
    if (await check()) {
      elapsed = Date.now() - since;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const description = `${what}: ${elapsed < 0 ? `not within ${deadline - since} ms` : `${elapsed} ms`} (bound ${limitMs} ms)`;
  test.info().annotations.push({ type: "measured", description });
  console.log(`measured  ${description}`);
  expect(elapsed, what).toBeGreaterThanOrEqual(0);
  expect(elapsed, what).toBeLessThan(limitMs);
  return elapsed;
}

/** The time the answer to the next POST to `path` arrived (a server action's answer). */
function answerTo(page: Page, path: string): Promise<number> {
  return page
    .waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path)
    .then(() => Date.now());
}

test("a signature made through nginx and confirmed on B shows in the counts, widget and page of A, B and nginx within 5 s", async ({ page, request }) => {
  const { slug } = newLetter();
  // Every reader has its copy of the empty counts before the signature comes.
  for (const base of [A(), B(), N()]) expect(await total(request, base, slug)).toBe(0);
  for (const base of [A(), B()]) {
    expect(await shown(request, `${base}/embed/${slug}`, "widget-total")).toBe("0");
    expect(await shown(request, `${base}/letters/${slug}`, "total-count")).toBe("0");
  }

  const email = uniqueEmail("through-nginx");
  const signed = await request.post(`${N()}/api/letters/${slug}/signatures`, {
    data: { kind: "individual", name: "Nora Ginx", email, country: "IS", listPublicly: true, consent: true },
  });
  expect(signed.status()).toBe(202);
  const link = confirmLink(await firstMailTo(email));
  expect(new URL(link).origin, "emailed links point at the public address").toBe(N());
  const confirmed = await confirmOn(page, B(), link);

  await Promise.all([
    measure("counts JSON on A after a confirmation on B", confirmed, 5_000, async () => (await total(request, A(), slug)) === 1),
    measure("counts JSON on B after a confirmation on B", confirmed, 5_000, async () => (await total(request, B(), slug)) === 1),
    measure("counts JSON through nginx after a confirmation on B", confirmed, 5_000, async () => (await total(request, N(), slug)) === 1),
    measure("widget on A", confirmed, 5_000, async () => (await shown(request, `${A()}/embed/${slug}`, "widget-total")) === "1"),
    measure("widget on B", confirmed, 5_000, async () => (await shown(request, `${B()}/embed/${slug}`, "widget-total")) === "1"),
    measure("letter page on A", confirmed, 5_000, async () => (await shown(request, `${A()}/letters/${slug}`, "total-count")) === "1"),
    measure("letter page on B", confirmed, 5_000, async () => (await shown(request, `${B()}/letters/${slug}`, "total-count")) === "1"),
  ]);
});

test("an admin's pause, title edit and reject on A show on B within 1 s", async ({ browser, page, request }) => {
  const letter = newLetter();
  const { slug } = letter;
  // A counted signature to reject later: signed on B, confirmed on A.
  const email = uniqueEmail("rejected");
  expect((await sign(request, B(), slug, { email, name: "Rejected Person" })).status()).toBe(202);
  const confirmed = await confirmOn(page, A(), confirmLink(await firstMailTo(email)));
  await measure("counts JSON on B after a confirmation on A", confirmed, 5_000, async () => (await total(request, B(), slug)) === 1);
  // B has the page, the letter and its counts in memory.
  expect(await (await request.get(`${B()}/letters/${slug}`)).text()).not.toContain("Signing is closed");
  expect(await (await request.get(`${B()}/letters/${slug}`)).text()).toContain(letter.title);

  const admin = await (await browser.newContext({ baseURL: A() })).newPage();
  await signInAs(admin, request, CLUSTER_ADMIN_EMAIL, { standInUrl: cluster.standIn.url });
  const editor = `/admin/letters/${slug}/edit`;

  await admin.goto(editor);
  await admin.getByLabel("Status").selectOption("paused");
  let answered = answerTo(admin, editor);
  await admin.getByRole("button", { name: "Save changes" }).click();
  const paused = await answered;
  await Promise.all([
    measure("B's letter page shows A's pause", paused, 1_000, async () =>
      (await (await request.get(`${B()}/letters/${slug}`)).text()).includes("Signing is closed")),
    measure("B's sign API answers 409 after A's pause", paused, 1_000, async () => (await sign(request, B(), slug)).status() === 409),
  ]);
  await expect(admin).toHaveURL(/\/admin\/letters\?saved=/);

  const title = `Renamed on A ${crypto.randomUUID().slice(0, 8)}`;
  await admin.goto(editor);
  await admin.getByLabel("Title").fill(title);
  answered = answerTo(admin, editor);
  await admin.getByRole("button", { name: "Save changes" }).click();
  const renamed = await answered;
  await measure("B's letter page shows A's new title", renamed, 1_000, async () =>
    (await (await request.get(`${B()}/letters/${slug}`)).text()).includes(title));

  const signatures = `/admin/letters/${slug}/signatures`;
  await admin.goto(`${signatures}?q=${encodeURIComponent(email)}`);
  await expect(admin.getByTestId("match-count")).toContainText("1 signature match");
  await admin.getByLabel("Select Rejected Person").check();
  await admin.getByLabel("With the selected rows").selectOption("reject");
  await admin.getByRole("button", { name: "Apply to selection" }).click();
  await expect(admin.getByRole("status")).toContainText("Give a reason");
  await admin.getByLabel("Reason").fill("Rejected on A");
  answered = answerTo(admin, signatures);
  await admin.getByRole("button", { name: "Apply to selection" }).click();
  const rejected = await answered;
  await measure("B's counts after A's reject", rejected, 1_000, async () => (await total(request, B(), slug)) === 0);
  await expect(admin.getByRole("status")).toContainText("1 changed");
});

test("signing limits are shared: alternating between A and B from one address, the limit is reached once", async ({ request }) => {
  const { slug } = newLetter();
  const from = someAddress();
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < RATE_LIMIT * 2; i++) {
    const response = await sign(request, i % 2 === 0 ? A() : B(), slug, { from });
    statuses.push(response.status());
    if (response.status() === 429) retryAfter ??= response.headers()["retry-after"];
  }
  expect(statuses).toEqual([...Array(RATE_LIMIT).fill(202), ...Array(RATE_LIMIT).fill(429)]);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(60);
});

test("every confirmation email is sent exactly once although each process runs an outbox worker", async ({ request }) => {
  const { slug } = newLetter();
  const addresses = Array.from({ length: 30 }, () => uniqueEmail("once"));
  // Together, so both workers find mail waiting at the same time.
  const answers = await Promise.all(addresses.map((email, i) => sign(request, i % 2 === 0 ? A() : B(), slug, { email })));
  expect(answers.map((a) => a.status())).toEqual(addresses.map(() => 202));

  const placeholders = addresses.map(() => "?").join(", ");
  const outbox = () =>
    sql<{ status: string; n: string | number }>(
      `SELECT "status", count(*) AS "n" FROM "OutboxEmail" WHERE "to" IN (${placeholders}) GROUP BY "status"`,
      addresses,
      cluster.databaseUrl,
    ).map((row) => `${row.status}: ${row.n}`);
  await expect.poll(outbox, { timeout: 30_000, message: "every message sent" }).toEqual([`sent: ${addresses.length}`]);
  await expect.poll(() => addresses.filter((a) => mailTo(a).length > 0).length, { timeout: 10_000 }).toBe(addresses.length);
  expect(addresses.map((a) => mailTo(a).length)).toEqual(addresses.map(() => 1));
});

/** A request with exactly the headers given (no client-side decompression), answered as bytes. */
function raw(url: string, { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

test("nginx compresses and caches the public pages as their Cache-Control allows, never /admin or POSTs", async ({ page, request }) => {
  const { slug } = newLetter();
  const browserLike = { "Accept-Encoding": "gzip, br" };

  const first = await raw(`${N()}/letters/${slug}`, { headers: browserLike });
  expect(first.status).toBe(200);
  expect(first.headers["content-encoding"]).toBe("gzip");
  expect(first.headers.vary).toMatch(/Accept-Encoding/i);
  const second = await raw(`${N()}/letters/${slug}`, { headers: browserLike });
  expect(second.headers["x-cache-status"]).toBe("HIT");
  expect(second.headers["content-encoding"]).toBe("gzip");
  // A client that takes no gzip gets the same page unpacked.
  const plain = await raw(`${N()}/letters/${slug}`);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString("utf8")).toContain(`data-testid="total-count"`);

  // The counts JSON is shared for its s-maxage, and follows a confirmation within 5 s.
  const countsUrl = `${N()}/api/letters/${slug}/counts`;
  const counted = async () => JSON.parse((await raw(countsUrl)).body.toString("utf8")).total as number;
  expect(await counted()).toBe(0);
  expect((await raw(countsUrl)).headers["x-cache-status"]).toBe("HIT");
  const email = uniqueEmail("cached");
  expect((await sign(request, A(), slug, { email })).status()).toBe(202);
  const confirmed = await confirmOn(page, A(), confirmLink(await firstMailTo(email)));
  await measure("counts JSON through nginx's cache after a confirmation", confirmed, 5_000, async () => (await counted()) === 1);

  for (const path of ["/admin/sign-in", "/admin/letters", "/api/auth/session"]) {
    await raw(`${N()}${path}`, { headers: browserLike });
    const again = await raw(`${N()}${path}`, { headers: browserLike });
    expect(again.headers["x-cache-status"] ?? "not cached", path).not.toMatch(/HIT|STALE|UPDATING|REVALIDATED/);
  }
  const post = () =>
    raw(`${N()}/api/letters/${slug}/signatures`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  expect((await post()).status).toBe(422);
  const repeated = await post();
  expect(repeated.status).toBe(422);
  expect(repeated.headers["x-cache-status"] ?? "not cached").not.toMatch(/HIT|STALE|UPDATING|REVALIDATED/);
});

test("a process started beside running ones comes up, and one can be stopped while nginx keeps answering", async ({ request }) => {
  const { slug } = newLetter();
  expect((await sign(request, A(), slug)).status()).toBe(202);

  const c = await cluster.start("C");
  // The migrations were applied by A or B; C found none pending and waited for nothing.
  expect(fs.readFileSync(c.log, "utf8")).not.toContain("migrations applied");
  expect(await total(request, c.url, slug)).toBe(0);
  expect((await sign(request, c.url, slug)).status()).toBe(202);

  // A rolling restart: the new process is up, the old one stops; readers through nginx see no error.
  const failures: string[] = [];
  let reads = 0;
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const answer = await raw(`${N()}/api/ping`).catch((error: Error) => ({ status: 0, body: Buffer.from(error.message) }));
      reads++;
      if (answer.status !== 200) failures.push(`${answer.status} ${answer.body.toString("utf8").slice(0, 80)}`);
    }
  })();
  await expect.poll(() => reads).toBeGreaterThan(5);
  await cluster.processes.A.stop();
  const afterStop = reads;
  await expect.poll(() => reads).toBeGreaterThan(afterStop + 20);
  reading = false;
  await reader;
  expect(failures).toEqual([]);
  expect(await total(request, N(), slug)).toBe(0);
});
