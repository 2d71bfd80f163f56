import { spawn } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";
import { migrate } from "../scripts/prepare";

/**
 * An app process of a spec's own, as `npm start` runs it (scripts/server.mjs, the
 * production build), on a database it migrates and seeds first; resolves once the app
 * answers. Its APP_URL is its own address unless `env` says otherwise.
 */
export async function startAppServer({ port, databaseUrl, env = {} }: { port: number; databaseUrl: string; env?: Record<string, string> }) {
  await migrate(databaseUrl, { withSeed: true });
  const base = `http://127.0.0.1:${port}`;
  const root = path.resolve(import.meta.dirname, "..");
  const app = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, APP_URL: base, PORT: String(port), ...env },
  });
  await expect.poll(() => fetch(`${base}/api/letters`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
  return { base, stop: () => app.kill("SIGTERM") };
}
