#!/usr/bin/env node
// The registry mirror these machines use serves only the packages this platform
// installs, so `npm install` leaves other platforms' optional binaries (@next/swc-*,
// @tailwindcss/oxide-*, ...) out of package-lock.json, and `npm ci` then refuses the
// lock as out of sync. This adds each missing optional package with the os and cpu its
// name declares, which is all `npm ci` needs to skip it here and to fetch it elsewhere.
// Run after changing dependencies: npm install && node scripts/complete-lockfile.mjs
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const OS = ["darwin", "linux", "win32", "freebsd", "android", "openbsd", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "wasm32", "mips64el"];

let added = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = where === "" ? "" : `${where}/`;
    const nested = `${base}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    lock.packages[hoisted] = {
      version: String(range).replace(/^[\^~=]/, ""),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(!os && !cpu ? { os: ["none"] } : {}),
    };
    added += 1;
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform package(s) recorded`);
