// Erases everything held about one address, as "Erase everything" at /my-data does:
// every signature is withdrawn and deleted (counts fall), with every email sent to the
// address. Run: npm run data:erase -- <email>
// The audit log records it with a keyed hash of the address, never the address.
import { canonicalEmail } from "../lib/signatures/canonical-email";
import { loadEnvOrExit, migrate } from "./prepare";
import { signerEmailArgument } from "./signer-email-argument";

const email = signerEmailArgument("data:erase");
const env = loadEnvOrExit();
await migrate(env.DATABASE_URL);
const { configureDatabase, db } = await import("../lib/db");
const { eraseSignerData } = await import("../lib/signer-rights/erase-signer-data");
await configureDatabase();
const erased = await eraseSignerData({ emailCanonical: canonicalEmail(email).canonical, actor: "operator" });
const s = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
console.log(
  erased.signatures === 0 && erased.emails === 0
    ? "Nothing was held about this address: nothing to erase."
    : `Erased ${s(erased.signatures, "signature", "signatures")} on ${s(erased.letters, "letter", "letters")} ` +
        `(${erased.counted} of them counted, now taken off the counts) and ${s(erased.emails, "email", "emails")}.`,
);
await db.$disconnect();
