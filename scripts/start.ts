// `npm start`: checks the configuration, prepares the database (pending migrations, WAL,
// the two letters; beside running processes too), builds when the sources changed, and
// serves the app.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";
import { generateClient, loadEnvOrExit, migrate } from "./prepare";

const root = path.resolve(import.meta.dirname, "..");
const env = loadEnvOrExit();
process.env.NEXT_TELEMETRY_DISABLED = "1";

generateClient();
await migrate(env.DATABASE_URL, { withSeed: true });
const dev = process.argv.includes("--dev");
if (!dev) buildIfNeeded();

// scripts/server.mjs: Next.js behind the layer that tells it each client's address.
const next = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), ...(dev ? ["--dev"] : [])], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PORT: String(env.PORT), ...(env.HOST ? { HOST: env.HOST } : {}) },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
