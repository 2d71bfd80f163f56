// `npm run bench`: builds the app, starts it on a scratch SQLite database, and loads each
// public path with autocannon, printing requests/s, p50 and p99 latency and errors, each
// beside a trivial dynamic route of the same app (/api/ping) as the yardstick.
// Options: --duration <s> (10), --connections <n> (32 for reads; a quarter of them, or
//          --signing-connections <n>, for signing),
//          --signatures <n> (1000000 loaded into one letter first; 0 to skip), --keep,
//          --only <names> (comma-separated starts of path names, e.g. "signing,counts"),
//          --profile (the server writes a V8 CPU profile into the kept scratch directory),
//          --mail resend|local (confirmations go through the Resend SDK to a local stand-in
//          of its API, as in production; or to the local mailbox, the log),
//          --encoding "<Accept-Encoding>" (the reads ask for compressed answers, as browsers
//          do: e.g. "gzip, deflate, br, zstd"; by default they ask for none).
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Options, type Result } from "autocannon";
import Database from "better-sqlite3";
import { startResendStandIn } from "../e2e/resend-stand-in";
import { buildIfNeeded } from "./build-if-needed";
import { loadSignatures } from "./load-signatures";
import { generateClient, migrate } from "./prepare";

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
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const million = Number(args.signatures);
// Fewer writers than readers: signing is measured at a load where latency stays usable.
const signingConnections = Number(args["signing-connections"] ?? Math.max(1, Math.round(connections / 4)));
const root = path.resolve(import.meta.dirname, "..");
const base = `http://127.0.0.1:${args.port}`;

// 1. A scratch database with copies of a shipped letter: one stays empty, one gets a
//    thousand signatures and one the synthetic million (the same page content at two
//    sizes: does the page slow down with the database?), one takes the signing load.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "letters-bench-"));
const file = path.join(dir, "bench.db");
const databaseUrl = `file:${file}`;
process.env.DATABASE_URL = databaseUrl;
process.env.NEXT_TELEMETRY_DISABLED = "1";
generateClient();
await migrate(databaseUrl, { withSeed: true });
const sqlite = new Database(file);
for (const slug of ["bench-empty", "bench-thousand", "bench-million", "bench-signing"]) {
  sqlite
    .prepare(
      `INSERT INTO Letter (id, slug, title, summary, body, kind, status, addressedTo, allowIndividuals, allowOrganizations,
         autoApproveMatchingDomain, goal, publishedAt, createdAt, updatedAt)
       SELECT ?, ?, title, summary, body, kind, 'open', addressedTo, 1, 1, 0, 2000000, publishedAt, createdAt, updatedAt
       FROM Letter WHERE slug = 'strong-encryption-open-letter'`,
    )
    .run(slug.replace("-", ""), slug);
}
sqlite.close();
loadSignatures({ file, slug: "bench-thousand", count: 1_000 });
if (million > 0) {
  const ms = loadSignatures({ file, slug: "bench-million", count: million });
  console.log(`loaded ${million.toLocaleString("en")} signatures into bench-million in ${(ms / 1000).toFixed(1)} s`);
}

// 2. The production build, started as `npm start` would, with signing unthrottled.
buildIfNeeded();
if (args.mail !== "resend" && args.mail !== "local") throw new Error("--mail is resend or local");
const standIn = args.mail === "resend" ? await startResendStandIn({ apiKey: "re_bench" }) : undefined;
const log = fs.openSync(path.join(dir, "server.log"), "a");
const profileFlags = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(dir, "profile")}`] : [];
const server = spawn(process.execPath, [...profileFlags, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", args.port], {
  cwd: root,
  stdio: ["ignore", log, log],
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    APP_URL: base,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
    RESEND_API_KEY: standIn ? "re_bench" : "",
    RESEND_BASE_URL: standIn?.url ?? "",
    SIGN_RATE_LIMIT_PER_MINUTE: "100000000",
  },
});
const stop = () => server.kill("SIGTERM");
const keep = args.keep || args.profile;
process.on("exit", () => {
  stop();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
});
for (let i = 0; ; i++) {
  if (await fetch(`${base}/api/ping`).then((r) => r.ok, () => false)) break;
  if (i > 100) throw new Error(`the app did not start; see ${dir}/server.log`);
  await new Promise((r) => setTimeout(r, 200));
}

// 3. The load.
let signer = 0;
const signing: Options["requests"] = [
  {
    method: "POST",
    headers: { "content-type": "application/json" },
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({
        kind: "individual", name: "Bench Signer", email: `bench-${process.pid}-${signer++}@example.org`,
        country: "FR", listPublicly: true, consent: true,
      }),
    }),
  },
];
const targets: { name: string; path: string; requests?: Options["requests"]; connections?: number; expect?: number }[] = [
  { name: "trivial route (reference)", path: "/api/ping" },
  { name: "counts JSON", path: "/api/letters/bench-million/counts" },
  { name: "embed widget", path: "/embed/bench-million" },
  { name: "badge SVG", path: "/api/letters/bench-million/badge.svg" },
  { name: "letter page, no signatures", path: "/letters/bench-empty" },
  { name: "letter page, 1,000 signatures", path: "/letters/bench-thousand" },
  ...(million > 0 ? [{ name: `letter page, ${million.toLocaleString("en")} signatures`, path: "/letters/bench-million" }] : []),
  // Measured again after the reads: the reference is the mean of both runs, so a drift
  // in the machine's load during the run weighs on both sides of each ratio.
  { name: "trivial route, again", path: "/api/ping" },
  { name: "signing (JSON API)", path: "/api/letters/bench-signing/signatures", requests: signing, connections: signingConnections, expect: 202 },
];

const readHeaders = args.encoding ? { "accept-encoding": args.encoding } : {};
const run = (url: string, options: Partial<Options>) =>
  new Promise<Result>((resolve, reject) =>
    autocannon({ url, connections, headers: readHeaders, ...options }, (error, result) => (error ? reject(error) : resolve(result))),
  );

const rows: { name: string; rps: number; p50: number; p99: number; errors: number; cpu: number | null; kb: number }[] = [];
// The server's CPU time (user + system, all threads) per request, from /proc: what a
// request costs the app whatever the load generator beside it manages to read.
const ticksPerSecond = (() => {
  try {
    return Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const serverTicks = (): number | null => {
  try {
    const fields = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return null;
  }
};
// --only "signing,counts": just those paths (by the start of their names), with the reference.
const wanted = args.only?.split(",").map((name) => name.trim()).filter(Boolean);
const chosen = targets.filter((t) => !wanted || t.name.startsWith("trivial") || wanted.some((w) => t.name.startsWith(w)));
for (const target of chosen) {
  const options = { requests: target.requests, connections: target.connections ?? connections };
  await run(base + target.path, { ...options, amount: 300 }); // warm-up
  const ticksBefore = serverTicks();
  const result = await run(base + target.path, { ...options, duration });
  const ticksAfter = serverTicks();
  const cpu = ticksBefore === null || ticksAfter === null || result.requests.total === 0
    ? null
    : ((ticksAfter - ticksBefore) / ticksPerSecond / result.requests.total) * 1e6;
  const expected = target.expect ?? 200;
  const wrong = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Number(code) !== expected)
    .reduce((n, [, stat]) => n + (stat.count ?? 0), 0);
  const kb = result.requests.total ? result.throughput.total / result.requests.total / 1024 : 0;
  rows.push({ name: target.name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + wrong, cpu, kb });
  process.stdout.write(".");
}

// Every signer must get an email: how long after the load the outbox was empty.
let mail = "";
if (rows.some((row) => row.name.startsWith("signing"))) {
  const outbox = new Database(file, { readonly: true, timeout: 10_000 });
  const tally = () =>
    outbox.prepare(`SELECT count(*) AS "all", coalesce(sum("status" = 'sent'), 0) AS "sent" FROM "OutboxEmail"`).get() as { all: number; sent: number };
  const loadEnded = Date.now();
  let t = tally();
  while (t.sent < t.all && Date.now() - loadEnded < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    t = tally();
  }
  const signatures = (outbox.prepare(`SELECT count(*) AS n FROM "Signature" s JOIN "Letter" l ON l."id" = s."letterId" WHERE l."slug" = 'bench-signing'`).get() as { n: number }).n;
  outbox.close();
  const where = standIn ? `through the Resend SDK to the stand-in (${standIn.emails.length.toLocaleString("en")} received)` : "to the local mailbox";
  mail = `${signatures.toLocaleString("en")} signatures made; ${t.sent.toLocaleString("en")} of ${t.all.toLocaleString("en")} emails sent ${where}, the last ${((Date.now() - loadEnded) / 1000).toFixed(1)} s after the load ended`;
}
stop();
await standIn?.close();

// 4. The figures.
const reference = (rows[0].rps + rows.find((r) => r.name === "trivial route, again")!.rps) / 2;
const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number, digits = 0) => n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
console.log(`\n\n${os.cpus().length} CPUs, ${duration} s per path, ${connections} connections (signing ${signingConnections}); × ref = req/s over the mean of both trivial runs (${num(reference)}/s)`);
console.log(`Accept-Encoding: ${args.encoding ?? "none (uncompressed answers)"}\n`);
console.log(`${pad("path", 34)}${"req/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}${"× ref".padStart(8)}${"KB".padStart(7)}${"cpu µs".padStart(9)}`);
for (const row of rows) {
  console.log(
    `${pad(row.name, 34)}${num(row.rps).padStart(10)}${num(row.p50, 1).padStart(9)}${num(row.p99, 1).padStart(9)}${String(row.errors).padStart(8)}${num(row.rps / reference, 2).padStart(8)}${num(row.kb, 1).padStart(7)}${(row.cpu === null ? "-" : num(row.cpu)).padStart(9)}`,
  );
}
console.log("KB: bytes read per answer, headers included; cpu µs: the server's CPU time per request (user + system)");
const find = (prefix: string) => rows.find((r) => r.name.startsWith(prefix));
const counts = find("counts JSON");
const sign = find("signing");
const empty = find("letter page, no");
const thousand = find("letter page, 1,000 ");
const full = million > 0 ? find(`letter page, ${million.toLocaleString("en")} `) : undefined;
const check = (ok: boolean, text: string) => console.log(`${ok ? "PASS" : "MISS"}  ${text}`);
console.log("");
if (counts) check(counts.rps >= 0.9 * reference, `counts JSON at ${num(counts.rps / reference, 2)}× the trivial route (target ≥ 0.9×)`);
if (sign) check(sign.rps >= 500 && sign.p99 < 250 && sign.errors === 0, `signing ${num(sign.rps)}/s, p99 ${num(sign.p99)} ms, ${sign.errors} errors (target ≥ 500/s, p99 < 250 ms, none)`);
if (full && empty && thousand) {
  const size = million.toLocaleString("en");
  check(empty.rps / full.rps <= 1.2 && full.errors === 0, `letter page with ${size} signatures at ${num(full.rps / empty.rps, 2)}× the speed of the empty one (target within 1.2×, no errors)`);
  // The empty page shows no map, lists or table; the same page with content is the fair
  // measure of whether the database's size matters.
  check(thousand.rps / full.rps <= 1.2 && full.errors === 0, `letter page with ${size} signatures at ${num(full.rps / thousand.rps, 2)}× the speed of the same page with 1,000 (within 1.2×)`);
}
if (mail) console.log(`\n${mail}`);
if (args.profile) await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
if (keep) console.log(`\nscratch database, server log${args.profile ? " and CPU profile (profile/)" : ""} kept in ${dir}`);
process.exit(0);
