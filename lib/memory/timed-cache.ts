import { LRUCache } from "lru-cache";
import { processMemory } from "./process-memory";

// The one cache helper: values a process keeps for a few seconds (a letter, its counts,
// its history), bounded in number by lru-cache, which also drops them when their time is
// up. A load in flight is shared by everyone who asks meanwhile; a failed load, or a
// value `keep` refuses (a letter not found), is not kept. Time is read from Date.now(),
// so tests can move it with fake timers.

export interface TimedCache<V> {
  /** The kept value for `key`, or the one `load` brings (kept for the cache's time). */
  get(key: string, load: () => Promise<V>): Promise<V>;
  /** Forgets one key, or everything. */
  forget(key?: string): void;
}

const clock = { now: () => Date.now() };

export function timedCache<V>(
  name: string,
  { ttlMs, max, keep = () => true }: { ttlMs: number; max: number; keep?: (value: V) => boolean },
): TimedCache<V> {
  return processMemory(`cache:${name}`, () => {
    const entries = new LRUCache<string, Promise<V>>({ max, ttl: ttlMs, ttlResolution: 0, perf: clock });
    const drop = (key: string, value: Promise<V>) => {
      if (entries.peek(key) === value) entries.delete(key);
    };
    return {
      get(key, load) {
        const hit = entries.get(key);
        if (hit) return hit;
        const value = load();
        entries.set(key, value);
        value.then((loaded) => keep(loaded) || drop(key, value), () => drop(key, value));
        return value;
      },
      forget(key) {
        if (key === undefined) entries.clear();
        else entries.delete(key);
      },
    };
  });
}
