import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { retryDelayMs, shortestRetrySpanMs } from "./retry-schedule";

const defaults = parseEnv({});
const hours = (ms: number) => ms / 3_600_000;

describe("the outbox's retry schedule", () => {
  it("doubles from the base, stops growing at the cap, and draws each delay between three quarters of it and all of it", () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, defaults, { random: 0 }))).toEqual([2000, 4000, 8000]);
    expect(retryDelayMs(30, defaults, { random: 0 })).toBe(30 * 60 * 1000);
    expect(retryDelayMs(500, defaults, { random: 0 })).toBe(30 * 60 * 1000);
    expect(retryDelayMs(3, defaults, { random: 0.999999 })).toBe(6000);
  });

  it("waits as long as the provider's Retry-After asks, up to an hour", () => {
    expect(retryDelayMs(1, defaults, { random: 0, retryAfterMs: 60_000 })).toBe(60_000);
    expect(retryDelayMs(1, defaults, { random: 0, retryAfterMs: 500 })).toBe(2000);
    expect(retryDelayMs(1, defaults, { random: 0, retryAfterMs: 10 * 3_600_000 })).toBe(3_600_000);
  });

  it("keeps trying for more than a day by default, even with every delay at its shortest", () => {
    expect(hours(shortestRetrySpanMs(defaults))).toBeGreaterThan(24);
  });
});
