// Runs once when a server process starts: checks the configuration (a bad value stops
// the process with a message naming the variable), then starts what runs beside the
// requests: the outbox worker, the webhook worker (lib/webhooks/), the daily retention job (lib/retention/) and, on
// PostgreSQL, the listener for other processes' letter changes (lib/memory/).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  getEnv();
  const { configureDatabase } = await import("./lib/db");
  await configureDatabase();
  const { startChangeListener } = await import("./lib/memory/change-listener");
  startChangeListener();
  (await import("./lib/counts/roll-up-counts")).startCountRollUp();
  const { startOutboxWorker } = await import("./lib/email/outbox-worker");
  startOutboxWorker();
  (await import("./lib/webhooks/webhook-worker")).startWebhookWorker();
  (await import("./lib/retention/retention-job")).startRetentionJob();
}
