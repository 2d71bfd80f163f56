// Lets an address sign in to /admin. Run: npm run admin:add -- <email> [--role moderator]
// The role defaults to admin. An existing person gets the role and is enabled again.
import { parseArgs } from "node:util";
import { personInputSchema } from "../lib/validation/person";
import { loadEnvOrExit, migrate } from "./prepare";

const usage = "usage: npm run admin:add -- <email> [--role admin|moderator]";

function parse() {
  try {
    return parseArgs({ allowPositionals: true, options: { role: { type: "string", default: "admin" } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const { values, positionals } = parse();
const parsed = personInputSchema.safeParse({ email: positionals[0] ?? "", role: values.role });
if (!parsed.success || positionals.length !== 1) {
  for (const issue of parsed.error?.issues ?? []) console.error(`${String(issue.path[0])}: ${issue.message}`);
  if (positionals.length > 1) console.error("give one email address");
  console.error(usage);
  process.exit(2);
}

// Configuration first, so a bad variable is reported by name. A database that is new
// (admin:add before the first start) is migrated, as npm start would; one with nothing
// pending is left alone, so this runs beside a running app.
const env = loadEnvOrExit();
await migrate(env.DATABASE_URL);
const { configureDatabase, db } = await import("../lib/db");
const { operatorAddPerson } = await import("../lib/people/operator-add-person");
await configureDatabase();
const result = await operatorAddPerson({ input: parsed.data });
const { email, role } = parsed.data;
console.log(
  result === "added"
    ? `added ${email} as ${role}: they can now sign in at /admin/sign-in`
    : result === "updated"
      ? `updated ${email}: now ${role}, enabled`
      : `${email} is already ${role} and enabled: nothing to do`,
);
await db.$disconnect();
