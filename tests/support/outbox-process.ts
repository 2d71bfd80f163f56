// A second sender in its own process, for the outbox tests that need one: two processes
// claiming at once, or a sender killed mid-delivery. Started by the tests with
//   node --import ./scripts/server-only-hook.mjs --import tsx tests/support/outbox-process.ts [--wait]
// and DATABASE_URL, RESEND_API_KEY and RESEND_BASE_URL in its environment. It delivers
// the outbox once and prints {"handled": n}. With --wait it connects first, prints
// "ready" and starts on the first line read from stdin, so two senders start together.
// Relative imports: the "@/" alias exists only inside vitest.
import { configureDatabase, db } from "../../lib/db";
import { processOutbox } from "../../lib/email/outbox-worker";

await configureDatabase();
await db.$queryRaw`SELECT 1`;
if (process.argv.includes("--wait")) {
  console.log("ready");
  await new Promise((resolve) => process.stdin.once("data", resolve));
}
const handled = await processOutbox();
console.log(JSON.stringify({ handled }));
await db.$disconnect();
process.exit(0);
