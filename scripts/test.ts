// `npm test`: every unit, integration and browser test, on SQLite and on PostgreSQL.
// Makes sure what the tests need is there (Debian's Chromium, a PostgreSQL server with a
// role that may create databases, nginx; installed with apt-get where missing), then:
// vitest on SQLite, vitest on PostgreSQL, the build, the Playwright specs against the app
// on SQLite and on PostgreSQL, and the several-processes specs (app processes behind
// nginx on one PostgreSQL database). Times every stage and ends with one line summing
// everything; exits non-zero on any failure.
//
// TEST_POSTGRESQL_URL, when set, names the PostgreSQL server to use (a role that may
// create databases); otherwise the local cluster is started and a role letters/letters
// is created in it if missing.
import { execFileSync, execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIfNeeded } from "./build-if-needed";
import { generateClient } from "./prepare";
import { chromiumExecutable } from "../e2e/chromium";
import { nginxExecutable } from "../e2e/nginx";
import { dropDatabase } from "../e2e/postgresql";

const root = path.resolve(import.meta.dirname, "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const reports = path.join(root, "reports");
const asRoot = process.getuid?.() === 0;
const sudo = asRoot ? "" : "sudo ";

const hasCommand = (name: string) => spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;

/** apt-get install, without letting a package's install script start its service (nginx: the tests run their own). */
function aptInstall(packages: string[]): boolean {
  console.log(`installing Debian's ${packages.join(", ")} (apt-get)...`);
  const policy = "/usr/sbin/policy-rc.d";
  const ownPolicy = asRoot && !fs.existsSync(policy);
  try {
    if (ownPolicy) fs.writeFileSync(policy, "#!/bin/sh\n# written by open-letters' npm test while it installs packages\nexit 101\n", { mode: 0o755 });
    execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(" ")}`, {
      stdio: "inherit",
    });
    return true;
  } catch {
    return false;
  } finally {
    if (ownPolicy) fs.rmSync(policy, { force: true });
  }
}

function ensurePackages(): void {
  const missing = [
    !chromiumExecutable() && "chromium",
    !hasCommand("pg_lsclusters") && !process.env.TEST_POSTGRESQL_URL && "postgresql",
    !nginxExecutable() && "nginx",
  ].filter((name): name is string => !!name);
  if (missing.length > 0) aptInstall(missing);
  if (!chromiumExecutable()) execSync(`${bin("playwright")} install chromium`, { stdio: "inherit" });
  if (!nginxExecutable()) throw new Error("nginx is missing and apt-get could not install it (apt-get install nginx)");
}

const asPostgres = (args: string[]) =>
  execFileSync(asRoot ? "runuser" : "sudo", [...(asRoot ? ["-u", "postgres", "--"] : ["-u", "postgres"]), ...args], {
    cwd: "/",
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

/** A reachable PostgreSQL server and a role that may create databases, as TEST_POSTGRESQL_URL. */
async function ensurePostgresql(): Promise<string> {
  if (process.env.TEST_POSTGRESQL_URL) return process.env.TEST_POSTGRESQL_URL;
  if (!hasCommand("pg_lsclusters")) throw new Error("PostgreSQL is missing and apt-get could not install it (apt-get install postgresql)");
  const clusters = () =>
    execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" })
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length >= 4)
      .map(([version, name, port, status]) => ({ version, name, port, online: status.startsWith("online") }));
  if (clusters().length === 0) {
    const version = fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))[0];
    console.log(`creating PostgreSQL cluster ${version}/main...`);
    execSync(`${sudo}pg_createcluster ${version} main`, { stdio: "inherit" });
  }
  const cluster = clusters().find((c) => c.online) ?? clusters()[0];
  if (!cluster.online) {
    console.log(`starting PostgreSQL ${cluster.version}/${cluster.name} (pg_ctlcluster)...`);
    execSync(`${sudo}pg_ctlcluster ${cluster.version} ${cluster.name} start`, { stdio: "inherit" });
  }
  const psql = (command: string) => asPostgres(["psql", "-p", cluster.port, "-d", "postgres", "-tAc", command]).trim();
  if (psql("SELECT 1 FROM pg_roles WHERE rolname = 'letters'") !== "1") {
    console.log("creating PostgreSQL role letters (may create databases)...");
    psql("CREATE ROLE letters LOGIN SUPERUSER CREATEDB PASSWORD 'letters'");
  }
  const url = `postgresql://letters:letters@127.0.0.1:${cluster.port}/postgres`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(`cannot sign in to PostgreSQL as ${url.replace(/:letters@/, ":***@")} (${(error as Error).message}); set TEST_POSTGRESQL_URL to a role that may create databases`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return url;
}

interface Stage {
  name: string;
  /** A step that runs no tests (setup, build): "done" or "FAILED". */
  step?: boolean;
  seconds: number;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
  note?: string;
}
const stages: Stage[] = [];

function timed<T>(name: string, work: () => T): { value: T; seconds: number } {
  console.log(`\n=== ${name}`);
  const start = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  return spawnSync(command, args, { cwd: root, stdio: "inherit", env }).status === 0;
}

const readJson = (file: string) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);

function vitest(name: string, report: string, env: NodeJS.ProcessEnv): void {
  const file = path.join(reports, report);
  const { value: ok, seconds } = timed(name, () =>
    run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], env),
  );
  const result = readJson(file);
  stages.push({
    name,
    seconds,
    passed: result?.numPassedTests ?? 0,
    // A run that failed without a failed test (a file that did not load) still counts as one.
    failed: result?.numFailedTests || (ok ? 0 : 1),
    skipped: (result?.numPendingTests ?? 0) + (result?.numTodoTests ?? 0),
    ok,
    note: result ? undefined : "  no report",
  });
}

function playwright(name: string, report: string, env: NodeJS.ProcessEnv): void {
  const file = path.join(reports, report);
  const { value: ok, seconds } = timed(name, () => run(bin("playwright"), ["test"], env));
  const result = readJson(file);
  const stats = result?.stats;
  const notes = [stats ? "" : "  no report", stats?.flaky ? `  ${stats.flaky} flaky (passed on retry)` : "", ...measurements(result)];
  stages.push({
    name,
    seconds,
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected || (ok ? 0 : 1),
    skipped: stats?.skipped ?? 0,
    ok,
    note: notes.filter(Boolean).join("\n") || undefined,
  });
}

/** The "measured" annotations the specs left in a Playwright report. */
function measurements(report: { suites?: unknown[] } | null): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
    const annotation = node as { type?: string; description?: string };
    if (annotation.type === "measured" && annotation.description) found.push(`  ${annotation.description}`);
  };
  visit(report?.suites);
  return [...new Set(found)];
}

const started = performance.now();
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const setupStart = performance.now();
console.log("=== what the tests need: Chromium, PostgreSQL, nginx");
ensurePackages();
const postgresqlUrl = await ensurePostgresql();
process.env.TEST_POSTGRESQL_URL = postgresqlUrl;
generateClient();
stages.push({ name: "setup (packages, PostgreSQL, Prisma clients)", step: true, seconds: (performance.now() - setupStart) / 1000, passed: 0, failed: 0, skipped: 0, ok: true });

const sqliteEnv: NodeJS.ProcessEnv = { ...process.env };
delete sqliteEnv.TEST_POSTGRESQL_URL;
const postgresqlEnv = { ...process.env, TEST_POSTGRESQL_URL: postgresqlUrl };

vitest("vitest, SQLite", "unit-sqlite.json", sqliteEnv);
vitest("vitest, PostgreSQL", "unit-postgresql.json", postgresqlEnv);

const build = timed("build", () => {
  try {
    buildIfNeeded();
    return true;
  } catch {
    return false;
  }
});
// A failed build counts as one failure in the closing line, and the browser runs are not started.
stages.push({ name: "build (next build when sources changed)", step: true, seconds: build.seconds, passed: 0, failed: build.value ? 0 : 1, skipped: 0, ok: build.value });

if (build.value) {
  playwright("Playwright, SQLite", "e2e-sqlite.json", { ...postgresqlEnv, E2E_DATABASE: "sqlite" });
  playwright("Playwright, PostgreSQL", "e2e-postgresql.json", { ...postgresqlEnv, E2E_DATABASE: "postgresql" });
  playwright("Playwright, several processes behind nginx", "e2e-several-processes.json", { ...postgresqlEnv, E2E_SUITE: "several-processes" });
  // The PostgreSQL run's database would be dropped by its next run; drop it now to leave nothing behind.
  await dropDatabase(`open_letters_e2e_${Number(process.env.E2E_APP_PORT ?? 3100)}`).catch(() => undefined);
} else {
  console.log("\nthe build failed: the Playwright runs were not started");
}

const minutes = (seconds: number) => (seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${seconds.toFixed(1)} s`);
console.log("\nstage                                              result                          time");
for (const stage of stages) {
  const result = stage.step ? (stage.ok ? "done" : "FAILED") : `${stage.passed} passed, ${stage.failed} failed${stage.skipped ? `, ${stage.skipped} skipped` : ""}`;
  console.log(`${stage.name.padEnd(50)} ${result.padEnd(31)} ${minutes(stage.seconds)}`);
  if (stage.note) console.log(stage.note);
}
console.log(`${"all stages".padEnd(50)} ${"".padEnd(31)} ${minutes((performance.now() - started) / 1000)}`);
const passed = stages.reduce((sum, s) => sum + s.passed, 0);
const failed = stages.reduce((sum, s) => sum + s.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 && stages.every((s) => s.ok) ? 0 : 1);
