import { describe, expect, it } from "vitest";
import { isBusy, retryOnBusy } from "./db-retry";

const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY_SNAPSHOT" });

describe("retryOnBusy", () => {
  it("recognises SQLite's busy errors and nothing else", () => {
    expect(isBusy(busy)).toBe(true);
    expect(isBusy({ code: "SQLITE_BUSY" })).toBe(true);
    expect(isBusy(new Error("UNIQUE constraint failed"))).toBe(false);
    expect(isBusy(null)).toBe(false);
  });

  it("runs a busy transaction again until it goes through", async () => {
    let calls = 0;
    const result = await retryOnBusy(async () => {
      calls += 1;
      if (calls < 3) throw busy;
      return "done";
    });
    expect(result).toBe("done");
    expect(calls).toBe(3);
  });

  it("gives up after the last attempt, and never retries other errors", async () => {
    let calls = 0;
    await expect(retryOnBusy(async () => { calls += 1; throw busy; }, 4)).rejects.toBe(busy);
    expect(calls).toBe(4);
    calls = 0;
    await expect(retryOnBusy(async () => { calls += 1; throw new Error("other"); })).rejects.toThrow("other");
    expect(calls).toBe(1);
  });
});
