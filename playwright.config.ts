import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/chromium";
import { APP_URL, RESEND_TEST_KEY, STAND_IN_PORT, STAND_IN_URL } from "./e2e/config";

// End-to-end specs against the built app (npm test builds it first), started on a
// scratch database with email going through the Resend SDK to a local stand-in.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 900 } } }],
  webServer: [
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
