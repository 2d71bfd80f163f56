import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startAppServer } from "./app-server";
import { E2E_DATABASE_KIND } from "./config";
import { uniqueEmail } from "./support";

// Who a client is, through the app's real server (scripts/server.mjs): two processes of
// this spec's own, one as `npm start` runs by default (no proxy believed, no mailbox
// page), one behind a proxy on this machine (TRUSTED_PROXIES=loopback, LOCAL_MAILBOX=on).
// Each signs with SIGN_RATE_LIMIT_PER_MINUTE=3, so the fourth signing from one client is
// refused.

test.skip(E2E_DATABASE_KIND !== "sqlite", "the servers here run on SQLite files of their own; once is enough");
// One worker for the file: its servers take fixed ports, started once and stopped after the last test.
test.describe.configure({ mode: "serial" });

const FIRST_PORT = Number(process.env.E2E_CLIENT_ADDRESS_PORT ?? 3165);
const slug = "strong-encryption-open-letter";
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "letters-client-address-"));
const apps: Awaited<ReturnType<typeof startAppServer>>[] = [];

async function startApp(port: number, env: Record<string, string>): Promise<string> {
  const app = await startAppServer({
    port,
    databaseUrl: `file:${path.join(directory, `${port}.db`)}`,
    // Whatever the test run was started with, these start unset unless `env` sets them.
    env: { RESEND_API_KEY: "", TRUSTED_PROXIES: "", LOCAL_MAILBOX: "", AUTH_SECRET: "address-secret-address-secret-address-01", SIGN_RATE_LIMIT_PER_MINUTE: "3", ...env },
  });
  apps.push(app);
  return app.base;
}

let plain: string;
let proxied: string;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  [plain, proxied] = await Promise.all([startApp(FIRST_PORT, {}), startApp(FIRST_PORT + 1, { TRUSTED_PROXIES: "loopback", LOCAL_MAILBOX: "on" })]);
});

test.afterAll(() => {
  for (const app of apps) app.stop();
  fs.rmSync(directory, { recursive: true, force: true });
});

const signFrom = (base: string, forwardedFor?: string) =>
  fetch(`${base}/api/letters/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: JSON.stringify({ kind: "individual", name: "Addr Synthetic Signer", email: uniqueEmail("addr"), country: "FR", listPublicly: false, consent: true }),
  }).then((answer) => answer.status);

test("by default a client's own X-Forwarded-For is not believed: it cannot dodge the signing limit", async () => {
  const statuses = [];
  for (const claimed of ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]) statuses.push(await signFrom(plain, claimed));
  expect(statuses).toEqual([202, 202, 202, 429]);
});

test("behind a trusted proxy each client has its own limit, and an IPv6 client is one client across its /64", async () => {
  const statuses = [];
  for (const client of ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]) statuses.push(await signFrom(proxied, client));
  expect(statuses).toEqual([202, 202, 202, 202]);
  const sameNetwork = [];
  for (const client of ["2001:db8:7:8::1", "2001:db8:7:8::2", "2001:db8:7:8:ffff::3", "2001:db8:7:8::4"]) sameNetwork.push(await signFrom(proxied, client));
  expect(sameNetwork).toEqual([202, 202, 202, 429]);
  expect(await signFrom(proxied, "2001:db8:7:9::1")).toBe(202);
});

test("the local mailbox: not there by default, and with LOCAL_MAILBOX=on only for a client on this machine", async () => {
  expect((await fetch(`${plain}/dev/mail`)).status).toBe(404);
  const local = await fetch(`${proxied}/dev/mail`);
  expect(local.status).toBe(200);
  expect(await local.text()).toContain("Local mailbox");
  // A remote client reaching the app through the proxy on this machine.
  expect((await fetch(`${proxied}/dev/mail`, { headers: { "x-forwarded-for": "203.0.113.50" } })).status).toBe(404);
  // Anything relayed, even for a loopback address: a tunnel or proxy may carry anyone.
  expect((await fetch(`${proxied}/dev/mail`, { headers: { "x-forwarded-for": "127.0.0.1" } })).status).toBe(404);
  expect((await fetch(`${proxied}/dev/mail`, { headers: { via: "1.1 tunnel" } })).status).toBe(404);
});
