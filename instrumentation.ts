// Runs once when a server process starts: checks the configuration (a bad value stops
// the process with a message naming the variable) and starts the outbox worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  getEnv();
  const { configureDatabase } = await import("./lib/db");
  await configureDatabase();
  const { startOutboxWorker } = await import("./lib/email/outbox-worker");
  startOutboxWorker();
}
