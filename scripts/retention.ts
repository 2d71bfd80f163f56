// Deletes what has been kept long enough (README, "Privacy: what is kept and for how
// long") and prints what it did. The app does this every day by itself; this is for
// cron, or to run it now. Run: npm run retention
import { loadEnvOrExit, migrate } from "./prepare";

// Configuration first, so a bad variable is reported by name; a database with nothing
// pending to migrate is left alone, so this runs beside a running app.
const env = loadEnvOrExit();
await migrate(env.DATABASE_URL);
const { configureDatabase, db } = await import("../lib/db");
const { runRetentionExclusively } = await import("../lib/retention/run-retention-exclusively");
const { describeRetention } = await import("../lib/retention/retention-job");
await configureDatabase();
const counts = await runRetentionExclusively();
if (counts) {
  console.log(["retention:", ...describeRetention(counts)].join("\n  "));
} else {
  console.log("retention: another process is running it now; nothing done here");
}
await db.$disconnect();
