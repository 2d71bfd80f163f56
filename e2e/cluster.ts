import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RESEND_TEST_KEY } from "./config";
import { freePort, startNginx, type Nginx } from "./nginx";
import { dropDatabase, freshDatabase } from "./postgresql";
import { startResendStandIn, type StandIn } from "./resend-stand-in";

// Several app processes on one PostgreSQL database behind nginx, as README's "Scaling
// out" runs them: the same build, the same DATABASE_URL, AUTH_SECRET and APP_URL (the
// nginx address), each on its own port, email through the Resend SDK to an in-process
// stand-in. Each process is started the way `npm start` starts one (scripts/start.ts):
// scripts/prepare.ts (pending migrations under a lock, the shipped letters), then
// `next start`; only the build is left out, which npm test has done already.

const root = path.resolve(import.meta.dirname, "..");
export const CLUSTER_AUTH_SECRET = "cluster-secret-cluster-secret-0123456789";
export const CLUSTER_ADMIN_EMAIL = "admin@letters.test";

export interface AppProcess {
  name: string;
  port: number;
  /** http://localhost:<port>: this process directly, not through nginx. */
  url: string;
  log: string;
  stop(): Promise<void>;
}

export interface Cluster {
  databaseUrl: string;
  standIn: StandIn;
  nginx: Nginx;
  processes: Record<string, AppProcess>;
  /** Starts a process listed in `later` (nginx already knows its port). */
  start(name: string): Promise<AppProcess>;
  /** Stops everything started here and drops the database; keeps the logs when `keepLogs`. */
  stop(options?: { keepLogs?: boolean }): Promise<void>;
  directory: string;
}

export async function startCluster({ now, later = [], env = {} }: { now: string[]; later?: string[]; env?: Record<string, string> }): Promise<Cluster> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "open-letters-cluster-"));
  const database = `open_letters_cluster_${crypto.randomBytes(4).toString("hex")}`;
  const started: AppProcess[] = [];
  let standIn: StandIn | undefined;
  let nginx: Nginx | undefined;
  const stop: Cluster["stop"] = async ({ keepLogs = false } = {}) => {
    await Promise.all(started.map((p) => p.stop()));
    await nginx?.stop();
    await standIn?.close();
    await dropDatabase(database).catch((error) => console.warn(`could not drop ${database}: ${error.message}`));
    if (keepLogs) console.log(`several-processes logs kept in ${directory}`);
    else fs.rmSync(directory, { recursive: true, force: true });
  };
  try {
    const databaseUrl = await freshDatabase(database);
    standIn = await startResendStandIn({ apiKey: RESEND_TEST_KEY });
    const ports = Object.fromEntries(await Promise.all([...now, ...later].map(async (name) => [name, await freePort()] as const)));
    const nginxPort = await freePort();
    nginx = await startNginx({ directory: path.join(directory, "nginx"), port: nginxPort, upstreamPorts: Object.values(ports) });
    const processEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      APP_URL: nginx.url,
      AUTH_SECRET: CLUSTER_AUTH_SECRET,
      RESEND_API_KEY: RESEND_TEST_KEY,
      RESEND_BASE_URL: standIn.url,
      EMAIL_FROM: "Open Letters <letters@letters.test>",
      OUTBOX_RETRY_BASE_MS: "500",
      ADMIN_EMAILS: CLUSTER_ADMIN_EMAIL,
      // nginx, and the tests standing in for a proxy, are on loopback: their
      // X-Forwarded-For is believed, as README's Scaling out section says to configure.
      TRUSTED_PROXIES: "loopback",
      ...env,
    };
    const processes: Record<string, AppProcess> = {};
    const start = async (name: string) => {
      const app = await startAppProcess({ name, port: ports[name], env: processEnv, directory, started });
      processes[name] = app;
      return app;
    };
    await Promise.all(now.map(start));
    return { databaseUrl, standIn, nginx, processes, start, stop, directory };
  } catch (error) {
    await stop({ keepLogs: true });
    throw error;
  }
}

async function startAppProcess({ name, port, env, directory, started }: {
  name: string;
  port: number;
  env: NodeJS.ProcessEnv;
  directory: string;
  started: AppProcess[];
}): Promise<AppProcess> {
  const log = path.join(directory, `process-${name}.log`);
  const out = fs.openSync(log, "a");
  const tail = () => fs.readFileSync(log, "utf8").split("\n").slice(-30).join("\n");
  const processEnv = { ...env, PORT: String(port) };

  const prepare = spawn(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "scripts/prepare.ts"], {
    cwd: root,
    env: processEnv,
    stdio: ["ignore", out, out],
  });
  const prepared = await new Promise<number | null>((resolve) => prepare.once("exit", resolve));
  if (prepared !== 0) throw new Error(`process ${name}: scripts/prepare.ts exited with ${prepared}:\n${tail()}`);

  // Its own process group, so that stopping it stops whatever next start runs under it.
  const next = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    env: processEnv,
    stdio: ["ignore", out, out],
    detached: true,
  });
  running.add(next);
  const app: AppProcess = { name, port, url: `http://localhost:${port}`, log, stop: () => stopGroup(next) };
  started.push(app);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (next.exitCode !== null) throw new Error(`process ${name}: next start exited with ${next.exitCode}:\n${tail()}`);
    const answer = await fetch(`http://127.0.0.1:${port}/api/letters`).catch(() => null);
    if (answer?.ok) return app;
    if (Date.now() > deadline) throw new Error(`process ${name} did not answer on ${port} within 60 s:\n${tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const running = new Set<ChildProcess>();
// Should the test runner itself go down, take the app processes with it.
process.once("exit", () => {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // gone already
    }
  }
});

async function stopGroup(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
