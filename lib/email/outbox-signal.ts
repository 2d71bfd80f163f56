// A wake-up call from request code to the outbox worker in the same process. Kept on
// globalThis: Next.js may load this module once per bundle layer.
const holder = globalThis as unknown as { outboxListeners?: Set<() => void> };
const listeners = (holder.outboxListeners ??= new Set());

export function onOutboxWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wakeOutboxWorker(): void {
  for (const listener of listeners) listener();
}
