import path from "node:path";

// Where the end-to-end run's app, stand-in and database live.
// Ports can be moved (E2E_APP_PORT, E2E_STAND_IN_PORT) to run two checkouts side by side.
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const STAND_IN_PORT = Number(process.env.E2E_STAND_IN_PORT ?? 3901);
// localhost, not 127.0.0.1: Next.js reports loopback requests as localhost, and Auth.js
// compares origins.
export const APP_URL = `http://localhost:${APP_PORT}`;
export const STAND_IN_URL = `http://127.0.0.1:${STAND_IN_PORT}`;
export const RESEND_TEST_KEY = "re_test_e2e_key";
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, ".data");
export const E2E_DATABASE = path.join(E2E_DATA_DIR, "e2e.db");
