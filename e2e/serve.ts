// Starts the built app for the end-to-end run: a fresh database (SQLite by default, or
// PostgreSQL with E2E_DATABASE=postgresql, see e2e/config.ts), the shipped letters, and
// email through the real Resend SDK pointed at the local stand-in.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrate } from "../scripts/prepare";
import { APP_PORT, APP_URL, E2E_DATABASE_KIND, E2E_DATABASE_URL, E2E_DATA_DIR, RESEND_TEST_KEY, STAND_IN_URL } from "./config";
import { freshDatabase } from "./postgresql";

fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
fs.mkdirSync(E2E_DATA_DIR, { recursive: true });
if (E2E_DATABASE_KIND === "postgresql") await freshDatabase(new URL(E2E_DATABASE_URL).pathname.slice(1));
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: E2E_DATABASE_URL,
  APP_URL,
  PORT: String(APP_PORT),
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
  RESEND_API_KEY: RESEND_TEST_KEY,
  RESEND_BASE_URL: STAND_IN_URL,
  EMAIL_FROM: "Open Letters <letters@letters.test>",
  OUTBOX_RETRY_BASE_MS: "500",
  SIGN_RATE_LIMIT_PER_MINUTE: "1000",
  ADMIN_EMAILS: "admin@letters.test",
  // The tests stand in for a proxy on loopback: X-Forwarded-For from there is believed,
  // so that each test can sign and sign in from an address of its own.
  TRUSTED_PROXIES: "loopback",
  // The webhook specs receive webhooks on a local, plain-HTTP endpoint (e2e/webhook-receiver.ts).
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true",
};
Object.assign(process.env, env);
await migrate(env.DATABASE_URL, { withSeed: true });
console.log(`e2e app on ${E2E_DATABASE_KIND} (${E2E_DATABASE_KIND === "sqlite" ? E2E_DATABASE_URL : new URL(E2E_DATABASE_URL).pathname.slice(1)})`);

const root = path.resolve(import.meta.dirname, "..");
const next = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
