import { afterEach, describe, expect, it, vi } from "vitest";
import { timedCache } from "./timed-cache";
import { forgetProcessMemory } from "./process-memory";

let n = 0;
const fresh = (options: Parameters<typeof timedCache>[1]) => {
  const name = `test-${++n}`;
  forgetProcessMemory(`cache:${name}`);
  return timedCache<string | null>(name, options);
};

afterEach(() => vi.useRealTimers());

describe("timedCache", () => {
  it("keeps a value for its time, then loads it again", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const cache = fresh({ ttlMs: 2_000, max: 10 });
    const load = vi.fn(async () => `loaded at ${Date.now()}`);
    const first = await cache.get("a", load);
    vi.setSystemTime(Date.now() + 1_999);
    expect(await cache.get("a", load)).toBe(first);
    vi.setSystemTime(Date.now() + 2);
    expect(await cache.get("a", load)).not.toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shares a load in flight with everyone who asks meanwhile", async () => {
    const cache = fresh({ ttlMs: 1_000, max: 10 });
    let finish: (value: string) => void = () => {};
    const load = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const both = Promise.all([cache.get("a", load), cache.get("a", load)]);
    finish("one load");
    expect(await both).toEqual(["one load", "one load"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("does not keep a failed load, nor a value `keep` refuses", async () => {
    const cache = fresh({ ttlMs: 60_000, max: 10, keep: (value) => value !== null });
    await expect(cache.get("a", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("a", async () => "after the failure")).toBe("after the failure");
    expect(await cache.get("b", async () => null)).toBeNull();
    expect(await cache.get("b", async () => "found now")).toBe("found now");
  });

  it("holds at most `max` values, dropping the least recently used", async () => {
    const cache = fresh({ ttlMs: 60_000, max: 2 });
    await cache.get("a", async () => "a1");
    await cache.get("b", async () => "b1");
    await cache.get("a", async () => "a2"); // a is now the most recent
    await cache.get("c", async () => "c1"); // b goes
    expect(await cache.get("a", async () => "a3")).toBe("a1");
    expect(await cache.get("b", async () => "b2")).toBe("b2");
  });

  it("forgets one key or everything", async () => {
    const cache = fresh({ ttlMs: 60_000, max: 10 });
    await cache.get("a", async () => "a1");
    await cache.get("b", async () => "b1");
    cache.forget("a");
    expect(await cache.get("a", async () => "a2")).toBe("a2");
    expect(await cache.get("b", async () => "b2")).toBe("b1");
    cache.forget();
    expect(await cache.get("b", async () => "b3")).toBe("b3");
  });
});
