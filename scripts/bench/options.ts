// The bench's command line. See scripts/bench.ts for what each option does.
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    signatures: { type: "string", default: "1000000" },
    port: { type: "string", default: "3350" },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
    mail: { type: "string", default: "resend" },
    "signing-connections": { type: "string" },
    encoding: { type: "string" },
    profile: { type: "boolean", default: false },
    db: { type: "string", default: "sqlite" },
    processes: { type: "string" },
    "postgresql-url": { type: "string" },
    confirmers: { type: "string", default: "2" },
    "nginx-port": { type: "string", default: "3370" },
  },
});

if (args.mail !== "resend" && args.mail !== "local") throw new Error("--mail is resend or local");
if (args.db !== "sqlite" && args.db !== "postgresql") throw new Error("--db is sqlite or postgresql");

const connections = Number(args.connections);
const processes = Number(args.processes ?? (args.db === "postgresql" ? 2 : 1));
if (!Number.isInteger(processes) || processes < 1) throw new Error("--processes is a whole number, 1 or more");
if (args.db === "sqlite" && processes > 1) throw new Error("--processes above 1 needs --db postgresql (SQLite is one process's database)");

export const options = {
  duration: Number(args.duration),
  connections,
  /** Signers arrive as readers do: the same number of connections unless told otherwise (--signing-connections 8 for a light load). */
  signingConnections: Number(args["signing-connections"] ?? connections),
  signatures: Number(args.signatures),
  /** The first app port; process i listens on port + i. */
  port: Number(args.port),
  nginxPort: Number(args["nginx-port"]),
  keep: args.keep || args.profile,
  profile: args.profile,
  /** Starts of path names to run (with the reference), or all. */
  only: args.only?.split(",").map((name) => name.trim()).filter(Boolean),
  mail: args.mail as "resend" | "local",
  encoding: args.encoding,
  /** "sqlite": one pass, as always. "postgresql": the SQLite one-process pass, then PostgreSQL with `processes`. */
  db: args.db as "sqlite" | "postgresql",
  processes,
  postgresqlUrl: args["postgresql-url"] ?? process.env.TEST_POSTGRESQL_URL ?? "postgresql://letters:letters@127.0.0.1:5432/postgres",
  /** Confirmations in flight at once during the PostgreSQL signing run. */
  confirmers: Number(args.confirmers),
};

export type Options = typeof options;
