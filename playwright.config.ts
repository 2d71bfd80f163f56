import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/chromium";
import { APP_URL, E2E_DATABASE_KIND, RESEND_TEST_KEY, STAND_IN_PORT, STAND_IN_URL } from "./e2e/config";

// End-to-end specs against the built app (npm test builds it first). Two kinds of run:
// - the single-server specs: the app started on a scratch database with email going
//   through the Resend SDK to a local stand-in; SQLite by default, PostgreSQL with
//   E2E_DATABASE=postgresql (and TEST_POSTGRESQL_URL);
// - E2E_SUITE=several-processes: the specs that start their own servers on PostgreSQL:
//   e2e/database-down.spec.ts (a server of its own, which it stops) and
//   e2e/several-processes.spec.ts, which starts its own
//   PostgreSQL database, app processes, stand-in and nginx (e2e/cluster.ts).
// Each run writes its own JSON report, which scripts/test.ts adds up.
const severalProcesses = process.env.E2E_SUITE === "several-processes";
const OWN_SERVERS = ["several-processes.spec.ts", "database-down.spec.ts"];
const run = severalProcesses ? "several-processes" : E2E_DATABASE_KIND;
const chromium = {
  name: "chromium",
  use: {
    browserName: "chromium" as const,
    viewport: { width: 1280, height: 900 },
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
};

export default defineConfig({
  testDir: "e2e",
  testMatch: severalProcesses ? OWN_SERVERS : undefined,
  testIgnore: severalProcesses ? undefined : OWN_SERVERS,
  fullyParallel: !severalProcesses,
  // The several-processes specs share one set of processes, started once per worker.
  workers: severalProcesses ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: severalProcesses ? 120_000 : 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: `reports/e2e-${run}.json` }]],
  use: {
    baseURL: severalProcesses ? undefined : APP_URL,
    trace: "retain-on-failure",
  },
  outputDir: `test-results/${run}`,
  projects: [chromium],
  webServer: severalProcesses
    ? undefined
    : [
        {
          command: "node --import tsx e2e/resend-stand-in.ts",
          url: `${STAND_IN_URL}/__emails`,
          env: { STAND_IN_PORT: String(STAND_IN_PORT), RESEND_API_KEY: RESEND_TEST_KEY },
          reuseExistingServer: false,
          stdout: "ignore",
        },
        {
          command: "node --import ./scripts/server-only-hook.mjs --import tsx e2e/serve.ts",
          url: `${APP_URL}/api/letters`,
          timeout: 120_000,
          reuseExistingServer: false,
          stdout: "pipe",
        },
      ],
});
