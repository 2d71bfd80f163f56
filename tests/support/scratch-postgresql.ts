import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// A PostgreSQL server of a test's own (initdb into a scratch folder, on a free loopback
// port), for faults that must not touch the shared one: a test stops it while signers
// sign, and starts it again. Needs the server's binaries (Debian's postgresql package);
// as root, the server runs as the postgres user, since PostgreSQL refuses root.

export interface ScratchPostgresql {
  url: string;
  stop(): void;
  start(): void;
  remove(): void;
}

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const version = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error("PostgreSQL's server binaries are missing: apt-get install postgresql");
  return path.join(base, version, "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startScratchPostgresql(): Promise<ScratchPostgresql> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scratch-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, command), ...args], { stdio: "pipe", cwd: "/" })
      : execFileSync(path.join(bin, command), args, { stdio: "pipe" });
  run("initdb", ["-D", data, "-U", "scratch", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => void run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  const stop = () => void run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  start();
  run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "scratch", "letters"]);
  return {
    url: `postgresql://scratch@127.0.0.1:${port}/letters`,
    stop,
    start,
    remove: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
