import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// nginx in front of the test's app processes, run from a scratch directory with the
// repository's own configuration (deploy/nginx/open-letters.conf), of which only the
// upstream servers, the listen address and the cache path are replaced.

const DEPLOY = path.resolve(import.meta.dirname, "../deploy/nginx");

export interface Nginx {
  port: number;
  /** http://localhost:<port>: the public address the app processes are told (APP_URL). */
  url: string;
  stop(): Promise<void>;
}

export function nginxExecutable(): string | undefined {
  const candidates = [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"];
  return candidates.find((file): file is string => !!file && fs.existsSync(file));
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const hasIpv6Loopback = () => Object.values(os.networkInterfaces()).flat().some((i) => i?.address === "::1");

/** open-letters.conf for these ports and this directory; throws if the file no longer has the shape replaced here. */
export function siteConfiguration({ port, upstreamPorts, cacheDir }: { port: number; upstreamPorts: number[]; cacheDir: string }): string {
  let site = fs.readFileSync(path.join(DEPLOY, "open-letters.conf"), "utf8");
  const replace = (pattern: RegExp, by: (match: string, ...groups: string[]) => string, what: string) => {
    if (!pattern.test(site)) throw new Error(`deploy/nginx/open-letters.conf: no ${what} to replace (${pattern})`);
    site = site.replace(pattern, by);
  };
  let first = true;
  replace(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm, (_m, indent: string, options = "") => {
    if (!first) return "";
    first = false;
    return upstreamPorts.map((p) => `${indent}server 127.0.0.1:${p}${options};\n`).join("");
  }, "upstream servers");
  replace(/^(\s*)listen 80;$/m, (_m, indent: string) => `${indent}listen 127.0.0.1:${port};`, "IPv4 listen");
  replace(/^(\s*)listen \[::\]:80;$/m, (_m, indent: string) => (hasIpv6Loopback() ? `${indent}listen [::1]:${port};` : ""), "IPv6 listen");
  replace(/^proxy_cache_path \/var\/cache\/nginx\/open-letters /m, () => `proxy_cache_path ${cacheDir} `, "cache path");
  return site;
}

export async function startNginx({ directory, port, upstreamPorts }: { directory: string; port: number; upstreamPorts: number[] }): Promise<Nginx> {
  const executable = nginxExecutable();
  if (!executable) throw new Error("nginx is not installed (npm test installs Debian's package; or set NGINX_PATH)");
  fs.mkdirSync(path.join(directory, "temp"), { recursive: true });
  // Worker processes drop root for nobody, who must reach the cache and temporary files
  // (nginx creates those itself, owned by the worker's user).
  for (let dir = directory; dir !== path.dirname(dir) && dir.startsWith(os.tmpdir()); dir = path.dirname(dir)) {
    if (dir !== os.tmpdir()) fs.chmodSync(dir, 0o755);
  }
  const site = path.join(directory, "open-letters.conf");
  fs.writeFileSync(site, siteConfiguration({ port, upstreamPorts, cacheDir: path.join(directory, "cache") }));
  const main = fs
    .readFileSync(path.join(DEPLOY, "standalone.conf.template"), "utf8")
    .replaceAll("{{prefix}}", directory)
    .replaceAll("{{site}}", site);
  const conf = path.join(directory, "nginx.conf");
  fs.writeFileSync(conf, main);
  const errorLog = path.join(directory, "error.log");

  const child = spawn(executable, ["-p", directory, "-c", conf, "-e", errorLog], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const failure = () => `${stderr}${fs.existsSync(errorLog) ? fs.readFileSync(errorLog, "utf8") : ""}`.trim();
  await waitUntilListening(port, child, failure);
  return {
    port,
    url: `http://localhost:${port}`,
    stop: () => stopNginx(child, exited),
  };
}

async function waitUntilListening(port: number, child: ChildProcess, failure: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${failure()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true))).once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`nginx did not listen on ${port} within 15 s: ${failure()}`);
}

async function stopNginx(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGQUIT"); // graceful: finish requests in flight, then exit with the workers
  const timer = setTimeout(() => child.kill("SIGTERM"), 5_000);
  await exited;
  clearTimeout(timer);
}
