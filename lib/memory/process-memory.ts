// The one room for what a process keeps between requests: the database client, caches,
// rate limiters, the outbox worker, the signing queue, the change listener. Everything
// lives in one object on globalThis, because Next.js may load a module once per bundle
// layer (the proxy's, the routes') and each copy must find the same state.
//
// What every process must agree on does not live here: it is in the database, and a
// change reaches the other processes through lib/memory/letter-changed.ts.

const room = ((globalThis as unknown as { openLetters?: Map<string, unknown> }).openLetters ??= new Map());

/** This process's value under `name`, made by `init` the first time it is asked for. */
export function processMemory<T>(name: string, init: () => T): T {
  if (!room.has(name)) room.set(name, init());
  return room.get(name) as T;
}

/** Drops a value (a stopped worker), so the next processMemory() makes it again. */
export function forgetProcessMemory(name: string): void {
  room.delete(name);
}
