// N app processes (scripts/server.mjs, as `npm start` runs it) of the production build on one database, as an operator
// would run them (each on its own port), with signing unthrottled. Stopped by cleanUp().
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { onCleanup } from "./cleanup";

const root = path.resolve(import.meta.dirname, "../..");

export interface AppProcesses {
  /** http://127.0.0.1:<port> of each process. */
  bases: string[];
  /** CPU time (user + system) all the processes have used so far, in seconds; null when /proc cannot tell. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

export async function startApps({ count, port, databaseUrl, dir, mail, profile }: {
  count: number;
  port: number;
  databaseUrl: string;
  dir: string;
  mail?: { url: string; apiKey: string };
  profile: boolean;
}): Promise<AppProcesses> {
  const bases = Array.from({ length: count }, (_, i) => `http://127.0.0.1:${port + i}`);
  const children: ChildProcess[] = bases.map((base, i) => {
    const log = fs.openSync(path.join(dir, `server-${i + 1}.log`), "a");
    const profileFlags = profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(dir, `profile-${i + 1}`)}`] : [];
    return spawn(process.execPath, [...profileFlags, path.join(root, "scripts/server.mjs")], {
      cwd: root,
      stdio: ["ignore", log, log],
      detached: true, // its own process group: Ctrl-C reaches the bench, which stops it in order
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        PORT: String(port + i),
        // Emailed links name the first process; the bench's confirmer spreads them over all.
        APP_URL: bases[0],
        AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
        RESEND_API_KEY: mail ? mail.apiKey : "",
        RESEND_BASE_URL: mail?.url ?? "",
        SIGN_RATE_LIMIT_PER_MINUTE: "100000000",
      },
    });
  });
  const exited = children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve()))));
  const signal = (name: NodeJS.Signals) => {
    for (const child of children) {
      try {
        if (child.exitCode === null && child.pid) process.kill(-child.pid, name);
      } catch {
        // already gone
      }
    }
  };
  const stop = onCleanup(
    "app processes",
    async () => {
      signal("SIGTERM");
      // A CPU profile is written on a clean exit; give it the time it needs.
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, profile ? 60_000 : 10_000).unref());
      await Promise.race([Promise.all(exited), deadline]);
      signal("SIGKILL");
    },
    () => signal("SIGKILL"),
  );

  for (const base of bases) {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/api/ping`).then((r) => r.ok, () => false)) break;
      if (children.some((child) => child.exitCode !== null)) throw new Error(`an app process exited; see ${dir}/server-*.log`);
      if (i > 150) throw new Error(`the app did not start at ${base}; see ${dir}/server-*.log`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  return {
    bases,
    cpuSeconds: () => {
      let ticks = 0;
      for (const child of children) {
        try {
          const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
          ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
        } catch {
          return null;
        }
      }
      return ticks / ticksPerSecond;
    },
    stop,
  };
}

/** Clock ticks per second of /proc's CPU times. */
export const ticksPerSecond = (() => {
  try {
    return Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();
