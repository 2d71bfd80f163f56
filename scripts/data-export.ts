// Prints, as JSON on stdout, everything held about one address: what its owner would
// download from /my-data. Run: npm run data:export -- <email>
// The audit log records the export with a keyed hash of the address, never the address.
import { canonicalEmail } from "../lib/signatures/canonical-email";
import { loadEnvOrExit, migrate } from "./prepare";
import { signerEmailArgument } from "./signer-email-argument";

const email = signerEmailArgument("data:export");
const env = loadEnvOrExit();
await migrate(env.DATABASE_URL);
const { configureDatabase, db } = await import("../lib/db");
const { exportSignerData } = await import("../lib/signer-rights/export-signer-data");
await configureDatabase();
const data = await exportSignerData({ emailCanonical: canonicalEmail(email).canonical });
process.stdout.write(`${JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2)}\n`);
if (data.signatures.length === 0 && data.emails.length === 0) console.error("Nothing is held about this address.");
await db.$disconnect();
