// The figures: one pass as a table of every path (the default run), or several passes
// side by side; then the extra PostgreSQL measurements and the PASS/MISS lines.
import os from "node:os";
import type { Row } from "./load";
import type { Options } from "./options";
import { CONFIRMING, NGINX_ENCODING, type PassResult } from "./pass";

const num = (n: number, digits = 0) => n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (s: string, n: number) => s.padEnd(n);
/** The path column: wide enough for the longest name ("letter page, 1,000 signatures, in French"). */
const NAME_WIDTH = 44;
const cpu = (row: Row) => (row.cpu === null ? "-" : num(row.cpu));
const dbCpu = (row: Row) => (row.dbCpu === null ? "-" : num(row.dbCpu));

function heading(options: Options, reference: string) {
  const { duration, connections, signingConnections, encoding } = options;
  console.log(`\n\n${os.cpus().length} CPUs, ${duration} s per path, ${connections} connections (signing ${signingConnections}); × ref = req/s over the mean of both trivial runs ${reference}`);
  console.log(`Accept-Encoding: ${encoding ?? "none (uncompressed answers)"}\n`);
}

/** The default run: one configuration, every path with bytes and CPU per answer. */
export function printPass(pass: PassResult, options: Options) {
  heading(options, `(${num(pass.reference)}/s)`);
  console.log(`${pad("path", NAME_WIDTH)}${"req/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}${"× ref".padStart(8)}${"KB".padStart(7)}${"cpu µs".padStart(9)}`);
  for (const row of pass.rows) {
    console.log(
      `${pad(row.name, NAME_WIDTH)}${num(row.rps).padStart(10)}${num(row.p50, 1).padStart(9)}${num(row.p99, 1).padStart(9)}${String(row.errors).padStart(8)}${num(row.rps / pass.reference, 2).padStart(8)}${num(row.kb, 1).padStart(7)}${cpu(row).padStart(9)}`,
    );
  }
  console.log("KB: bytes read per answer, headers included; cpu µs: the server's CPU time per request (user + system)");
}

/** Several configurations side by side, path by path. */
export function printSideBySide(passes: PassResult[], options: Options) {
  heading(options, `of the same configuration (${passes.map((p) => `${p.label}: ${num(p.reference)}/s`).join(", ")})`);
  for (const pass of passes) {
    const how = pass.processes === 1 ? "one app process" : `${pass.processes} app processes on one database, the load spread over them by autocannon (its connections take their URLs in turn; no proxy in between)`;
    const load = `load average ${pass.loadAverage.before.map((n) => n.toFixed(1)).join(" ")} before, ${pass.loadAverage.after.map((n) => n.toFixed(1)).join(" ")} after`;
    console.log(`${pass.label}: ${how}; ${load}`);
  }
  const columns = ["req/s", "p50 ms", "p99 ms", "errors", "× ref", "app µs", "db µs"];
  const widths = [8, 8, 8, 7, 7, 8, 7];
  const width = widths.reduce((a, b) => a + b, 0) + 2;
  console.log(`\n${pad("", NAME_WIDTH)}${passes.map((p) => `  ${`${p.label} `.padEnd(width - 2, "-")}`).join("")}`);
  console.log(`${pad("path", NAME_WIDTH)}${passes.map(() => `  ${columns.map((c, i) => c.padStart(widths[i])).join("")}`).join("")}`);
  const names = [...new Set(passes.flatMap((p) => p.rows.map((r) => r.name)))];
  for (const name of names) {
    const cells = passes.map((pass) => {
      const row = pass.rows.find((r) => r.name === name);
      if (!row) return `  ${"".padStart(width - 2)}`;
      const values = [num(row.rps), num(row.p50, 1), num(row.p99, 1), String(row.errors), num(row.rps / pass.reference, 2), cpu(row), dbCpu(row)];
      return `  ${values.map((v, i) => v.padStart(widths[i])).join("")}`;
    });
    console.log(`${pad(name, NAME_WIDTH)}${cells.join("")}`);
  }
  console.log("app µs, db µs: CPU time per request (user + system) of the app processes, and of the PostgreSQL server processes serving them");
  for (const pass of passes) printExtras(pass, options);
}

function printExtras(pass: PassResult, options: Options) {
  if (pass.nginx) {
    const { direct, proxied, configuration } = pass.nginx;
    console.log(`\nThe letter page with ${num(options.signatures)} signatures, ${pass.label}; nginx configured by ${configuration}:`);
    for (const row of [direct, proxied]) {
      const seen = [...(row.tallied ?? new Map()).entries()].map(([value, n]) => `${value} ${num(n)}`).join(", ");
      console.log(
        `  ${pad(row.name, 46)}${num(row.rps).padStart(8)}/s  p50 ${num(row.p50, 1)} ms  p99 ${num(row.p99, 1)} ms  errors ${row.errors}  ${num(row.kb, 1)} KB  app ${cpu(row)} µs/request`,
      );
      console.log(`  ${"".padEnd(46)}answers: ${seen}`);
    }
  }
  if (pass.confirmations || pass.lockWaits) {
    console.log(`\n"${CONFIRMING}" on ${pass.label}: signing as above while emailed links are confirmed (GET /verify/{token}, then its form posted as a browser without JavaScript does, ${options.confirmers} at a time):`);
  }
  const c = pass.confirmations;
  if (c) {
    const p = (q: number) => (c.times.length ? num(c.times[Math.min(c.times.length - 1, Math.floor(q * c.times.length))], 0) : "-");
    console.log(`  ${num(c.confirmed)} signatures confirmed (${num(c.confirmed / c.seconds)}/s; the page, then its form posted: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms), ${c.failed} failed${c.firstFailure ? ` (first: ${c.firstFailure})` : ""}`);
  }
  const w = pass.lockWaits;
  if (w) {
    const describe = (wait: typeof w.longestCounter) => (wait ? `longest ${num(wait.ms, 1)} ms: ${wait.lock}, waiting in: ${wait.query.slice(0, 140)}` : "none seen");
    console.log(`  lock waits (pg_locks with pg_stat_activity, sampled every ${w.intervalMs} ms, ${num(w.samples)} samples):`);
    console.log(`    on counter rows ("CountShard", "DailyCount", "CountChange"): ${num(w.counterWaits)} waits, ${describe(w.longestCounter)}`);
    console.log(`    elsewhere: ${num(w.otherWaits)} waits, ${describe(w.longestOther)}`);
  }
}

/** PASS/MISS lines for the targets, per configuration; then the mail lines. */
export function printChecks(passes: PassResult[], options: Options) {
  console.log("");
  const check = (ok: boolean, text: string) => console.log(`${ok ? "PASS" : "MISS"}  ${text}`);
  for (const pass of passes) {
    const prefix = passes.length > 1 ? `${pass.label}: ` : "";
    const find = (start: string) => pass.rows.find((r) => r.name.startsWith(start));
    const counts = find("counts JSON");
    const sign = find("signing (JSON API)");
    const empty = find("letter page, no");
    const thousand = find("letter page, 1,000 ");
    const size = options.signatures.toLocaleString("en");
    const full = options.signatures > 0 ? find(`letter page, ${size} `) : undefined;
    if (counts) check(counts.rps >= 0.9 * pass.reference, `${prefix}counts JSON at ${num(counts.rps / pass.reference, 2)}× the trivial route (target ≥ 0.9×)`);
    for (const row of [sign, find(CONFIRMING)]) {
      if (!row) continue;
      const what = row === sign ? "signing" : CONFIRMING;
      check(row.rps >= 500 && row.p99 < 250 && row.errors === 0, `${prefix}${what} ${num(row.rps)}/s, p99 ${num(row.p99)} ms, ${row.errors} errors (target ≥ 500/s, p99 < 250 ms, none)`);
    }
    if (full && empty && thousand) {
      check(empty.rps / full.rps <= 1.2 && full.errors === 0, `${prefix}letter page with ${size} signatures at ${num(full.rps / empty.rps, 2)}× the speed of the empty one (target within 1.2×, no errors)`);
      // The empty page shows no map, lists or table; the same page with content is the fair
      // measure of whether the database's size matters.
      check(thousand.rps / full.rps <= 1.2 && full.errors === 0, `${prefix}letter page with ${size} signatures at ${num(full.rps / thousand.rps, 2)}× the speed of the same page with 1,000 (within 1.2×)`);
    }
    if (pass.lockWaits) {
      const longest = pass.lockWaits.longestCounter?.ms ?? 0;
      const confirmed = pass.confirmations?.confirmed ?? 0;
      check(longest < 50 && confirmed > 0, `${prefix}longest lock wait on counter rows during signing ${num(longest, 1)} ms, with ${num(confirmed)} confirmations (target < 50 ms)`);
    }
    if (pass.nginx) {
      const { direct, proxied } = pass.nginx;
      check(
        proxied.rps >= 0.9 * direct.rps && proxied.errors === 0,
        `${prefix}letter page through nginx (${NGINX_ENCODING}) at ${num(proxied.rps / direct.rps, 2)}× the uncompressed page from one app process (target ≥ 0.9×, no errors)`,
      );
    }
  }
  for (const pass of passes) {
    if (pass.mail) console.log(`\n${passes.length > 1 ? `${pass.label}: ` : ""}${pass.mail}`);
  }
}
