// `npm run bench`: builds the app, starts it on a scratch SQLite database, and loads each
// public path with autocannon, printing requests/s, p50 and p99 latency and errors, each
// beside a trivial dynamic route of the same app (/api/ping) as the yardstick.
// `npm run bench -- --db postgresql --processes 2`: the same SQLite pass first, then the
// same paths on a scratch PostgreSQL database with N app processes (autocannon spreads
// its connections over their URLs), printed side by side; during the PostgreSQL signing
// run signatures are also confirmed and lock waits on the counter rows are watched
// (pg_locks), and the million-signature letter page is measured through nginx as
// browsers ask for it against the same page straight from one process, uncompressed.
// Options: --duration <s> (10), --connections <n> (32 for reads; a quarter of them, or
//          --signing-connections <n>, for signing),
//          --signatures <n> (1000000 loaded into one letter first; 0 to skip), --keep,
//          --only <names> (comma-separated starts of path names, e.g. "signing,counts"),
//          --profile (the servers write V8 CPU profiles into the kept scratch directory),
//          --mail resend|local (confirmations go through the Resend SDK to a local stand-in
//          of its API, as in production; or to the local mailbox, the log),
//          --encoding "<Accept-Encoding>" (the reads ask for compressed answers, as browsers
//          do: e.g. "gzip, deflate, br, zstd"; by default they ask for none),
//          --db sqlite|postgresql, --processes <n> (2 with postgresql),
//          --postgresql-url <server> (else TEST_POSTGRESQL_URL, else
//          postgresql://letters:letters@127.0.0.1:5432/postgres; the bench creates and drops
//          a database of its own there), --confirmers <n> (confirmations in flight, 2),
//          --port <first app port> (3350), --nginx-port <port> (3370).
// Everything it starts (app processes, nginx, the Resend stand-in, scratch databases) is
// stopped or dropped at the end, on Ctrl-C and on failure. It prints; it asserts nothing.
import { buildIfNeeded } from "./build-if-needed";
import { generateClient } from "./prepare";
import { cleanUp, wasInterrupted } from "./bench/cleanup";
import { options } from "./bench/options";
import { runPass, type PassResult } from "./bench/pass";
import { printChecks, printPass, printSideBySide } from "./bench/report";

process.env.NEXT_TELEMETRY_DISABLED = "1";

try {
  generateClient();
  buildIfNeeded();
  const passes: PassResult[] = [await runPass("sqlite", 1, options)];
  if (options.db === "postgresql") passes.push(await runPass("postgresql", options.processes, options));

  if (passes.length === 1) printPass(passes[0], options);
  else printSideBySide(passes, options);
  printChecks(passes, options);
  if (options.keep) {
    for (const pass of passes) {
      const what = pass.db === "postgresql" ? `database ${pass.databaseUrl.replace(/\/\/[^@]*@/, "//")}, server logs` : "scratch database, server log";
      console.log(`\n${pass.label}: ${what}${options.profile ? " and CPU profiles (profile-*/)" : ""} kept in ${pass.dir}`);
    }
  }
} catch (error) {
  if (!wasInterrupted()) console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
process.exit();
