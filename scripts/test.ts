// `npm test`: every unit, integration and browser test. Installs Debian's Chromium when
// it is missing, generates the Prisma client, runs vitest, builds the app when its
// sources changed, runs the Playwright specs against it, and prints one closing line.
import { spawnSync, execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";
import { generateClient } from "./prepare";
import { chromiumExecutable } from "../e2e/chromium";

const root = path.resolve(import.meta.dirname, "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "reports");

function ensureChromium(): void {
  if (chromiumExecutable()) return;
  console.log("Chromium is missing: installing Debian's package...");
  const asRoot = process.getuid?.() === 0 ? "" : "sudo ";
  try {
    execSync(`${asRoot}apt-get update -qq && ${asRoot}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: "inherit" });
  } catch {
    execSync(`${bin("playwright")} install chromium`, { stdio: "inherit" });
  }
}

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  return result.status === 0;
}

const readJson = (file: string) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);

fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });
ensureChromium();
generateClient();

const unitOk = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "unit.json")}`]);
buildIfNeeded();
const e2eOk = run(bin("playwright"), ["test"]);

const unit = readJson(path.join(results, "unit.json"));
const e2e = readJson(path.join(results, "e2e.json"));
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0);
console.log(`\nunit and integration: ${unit?.numPassedTests ?? 0} passed, ${unit?.numFailedTests ?? 0} failed`);
console.log(`browser: ${e2e?.stats?.expected ?? 0} passed, ${e2e?.stats?.unexpected ?? 0} failed, ${e2e?.stats?.flaky ?? 0} flaky`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(unitOk && e2eOk && failed === 0 && passed > 0 ? 0 : 1);
