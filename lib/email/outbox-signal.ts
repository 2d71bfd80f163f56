import { processMemory } from "../memory/process-memory";

// A wake-up call from request code to the outbox worker in the same process. (Each
// process has its own worker: a message written by one is sent by whichever claims it.)
const listeners = processMemory("outbox.listeners", () => new Set<() => void>());

export function onOutboxWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wakeOutboxWorker(): void {
  for (const listener of listeners.values()) listener();
}
