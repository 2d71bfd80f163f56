// One configuration measured from start to finish: a scratch database (SQLite or
// PostgreSQL) with the bench letters, N app processes on it, each path under load in
// turn, and for a PostgreSQL pass the counter-row lock waits during signing (with
// confirmations running) and the letter page through nginx. Everything it starts is
// stopped before it returns.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Options as CannonOptions } from "autocannon";
import { startResendStandIn } from "../../e2e/resend-stand-in";
import { startApps, ticksPerSecond } from "./app-processes";
import { cleanUp, onCleanup } from "./cleanup";
import { startConfirmer, type ConfirmerReport } from "./confirmer";
import { databaseCpuReader } from "./database-work";
import { measure, type Row, type Target } from "./load";
import { startLockSampler, type LockReport } from "./lock-waits";
import { startNginx } from "./nginx";
import type { Options } from "./options";
import { createScratchDatabase, outboxTally, signatureCount } from "./scratch-database";

export interface PassResult {
  label: string;
  db: "sqlite" | "postgresql";
  processes: number;
  rows: Row[];
  /** Mean req/s of both trivial runs. */
  reference: number;
  loaded?: string;
  mail?: string;
  lockWaits?: LockReport;
  confirmations?: ConfirmerReport;
  /** The letter page straight from one app process, uncompressed, against nginx as browsers ask. */
  nginx?: { direct: Row; proxied: Row; configuration: string };
  loadAverage: { before: number[]; after: number[] };
  dir: string;
  databaseUrl: string;
}

export const NGINX_ENCODING = "gzip, br";
export const CONFIRMING = "signing, while confirming";

export async function runPass(db: "sqlite" | "postgresql", processes: number, options: Options): Promise<PassResult> {
  const label = `${db === "sqlite" ? "SQLite" : "PostgreSQL"} ×${processes}`;
  const before = os.loadavg();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `letters-bench-${db}-`));
  onCleanup(`scratch directory ${dir}`, () => {
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  });
  const { signatures: million, duration } = options;

  const database = await createScratchDatabase(db, { dir, serverUrl: options.postgresqlUrl, keep: options.keep });
  await database.load("bench-thousand", 1_000);
  let loaded: string | undefined;
  if (million > 0) {
    const ms = await database.load("bench-million", million);
    loaded = `loaded ${million.toLocaleString("en")} signatures into bench-million (${label}) in ${(ms / 1000).toFixed(1)} s`;
    console.log(loaded);
  }
  const standIn = options.mail === "resend" ? await startResendStandIn({ apiKey: "re_bench" }) : undefined;
  if (standIn) onCleanup("Resend stand-in", () => standIn.close());
  const apps = await startApps({
    count: processes,
    port: options.port,
    databaseUrl: database.url,
    dir,
    mail: standIn && { url: standIn.url, apiKey: "re_bench" },
    profile: options.profile,
  });

  const databaseCpu = db === "postgresql" ? await databaseCpuReader(database.url, ticksPerSecond) : undefined;
  if (databaseCpu) onCleanup("database CPU reader", () => databaseCpu.close());
  const cpu = { app: apps.cpuSeconds, database: databaseCpu?.read };

  let signer = 0;
  const signing: CannonOptions["requests"] = [
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({
          kind: "individual", name: "Bench Signer", email: `bench-${process.pid}-${db}-${signer++}@example.org`,
          country: "FR", listPublicly: true, consent: true,
        }),
      }),
    },
  ];
  const readHeaders: Record<string, string> = options.encoding ? { "accept-encoding": options.encoding } : {};
  const everywhere = (p: string) => apps.bases.map((base) => base + p);
  const read = (name: string, p: string): Target => ({ name, urls: everywhere(p), connections: options.connections, headers: readHeaders });
  const size = million.toLocaleString("en");
  const targets: Target[] = [
    read("trivial route (reference)", "/api/ping"),
    read("counts JSON", "/api/letters/bench-million/counts"),
    read("embed widget", "/embed/bench-million"),
    read("badge SVG", "/api/letters/bench-million/badge.svg"),
    read("letter page, no signatures", "/letters/bench-empty"),
    read("letter page, 1,000 signatures", "/letters/bench-thousand"),
    // The same page in another language: kept in memory once per language (issue 13's target: ≥ 0.9× the English page).
    read("letter page, 1,000 signatures, in French", "/letters/bench-thousand?lang=fr"),
    ...(million > 0 ? [read(`letter page, ${size} signatures`, "/letters/bench-million")] : []),
    // Measured again after the reads: the reference is the mean of both runs, so a drift
    // in the machine's load during the run weighs on both sides of each ratio.
    read("trivial route, again", "/api/ping"),
    {
      name: "signing (JSON API)", urls: everywhere("/api/letters/bench-signing/signatures"), requests: signing,
      connections: options.signingConnections, expect: 202,
    },
    // Signing again while signatures are confirmed, so that the counters are written
    // while the lock waits on their rows are watched.
    ...(db === "postgresql"
      ? [{
          name: CONFIRMING, urls: everywhere("/api/letters/bench-signing/signatures"), requests: signing,
          connections: options.signingConnections, expect: 202,
        }]
      : []),
  ];
  // --only "signing,counts": just those paths (by the start of their names), with the reference.
  const chosen = targets.filter((t) => !options.only || t.name.startsWith("trivial") || options.only.some((w) => t.name.startsWith(w)));

  const result: PassResult = { label, db, processes, rows: [], reference: 0, loaded, loadAverage: { before, after: [] }, dir, databaseUrl: database.url };
  for (const target of chosen) {
    const confirming = target.name === CONFIRMING;
    const sampler = confirming ? await startLockSampler(database.url) : undefined;
    const confirmer = confirming && standIn ? startConfirmer({ emails: standIn.emails, bases: apps.bases, concurrency: options.confirmers }) : undefined;
    result.rows.push(await measure(target, duration, cpu));
    if (confirmer) result.confirmations = await confirmer.stop();
    if (sampler) result.lockWaits = await sampler.stop();
    process.stdout.write(".");
    if (db === "postgresql" && million > 0 && target.name === `letter page, ${size} signatures`) {
      result.nginx = await throughNginx(apps.bases, `/letters/bench-million`, dir, options, cpu);
    }
  }
  const trivial = result.rows.filter((row) => row.name.startsWith("trivial"));
  result.reference = trivial.reduce((sum, row) => sum + row.rps, 0) / trivial.length;

  // Every signer must get an email: how long after the load the outbox was empty.
  if (result.rows.some((row) => row.name.startsWith("signing"))) {
    const loadEnded = Date.now();
    let tally = await outboxTally(database);
    while (tally.sent < tally.all && Date.now() - loadEnded < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      tally = await outboxTally(database);
    }
    const seconds = ((Date.now() - loadEnded) / 1000).toFixed(1);
    const made = await signatureCount(database, "bench-signing");
    const n = (x: number) => x.toLocaleString("en");
    const distinct = new Set(standIn?.emails.map((e) => `${e.to.join(",")} ${e.subject}`)).size;
    const repeated = standIn && distinct < standIn.emails.length ? `, ${n(standIn.emails.length - distinct)} of them a repeat of an earlier one` : "";
    const where = standIn ? `through the Resend SDK to the stand-in (${n(standIn.emails.length)} received${repeated})` : "to the local mailbox";
    result.mail = `${n(made)} signatures made; ${n(tally.sent)} of ${n(tally.all)} emails sent ${where}, the last ${seconds} s after the load ended`;
  }
  result.loadAverage.after = os.loadavg();
  await cleanUp(); // apps, stand-in, database, directory
  return result;
}

/** The letter page straight from one app process (uncompressed), then through nginx as browsers ask. */
async function throughNginx(bases: string[], page: string, dir: string, options: Options, cpu: Parameters<typeof measure>[2]) {
  const nginx = await startNginx({ port: options.nginxPort, upstreams: bases, dir });
  const tally = ["content-encoding", "x-cache-status"];
  const direct = await measure(
    { name: "letter page, one app process, uncompressed", urls: [bases[0] + page], connections: options.connections, tally },
    options.duration,
    cpu,
  );
  process.stdout.write(".");
  const proxied = await measure(
    {
      name: `letter page through nginx (${NGINX_ENCODING})`, urls: [nginx.url + page], connections: options.connections,
      headers: { "accept-encoding": NGINX_ENCODING }, tally,
    },
    options.duration,
    cpu,
  );
  process.stdout.write(".");
  await nginx.stop();
  return { direct, proxied, configuration: nginx.configuration };
}
