import { describe, expect, it } from "vitest";
import type { HistoryDay } from "./letter-history";
import { milestones } from "./milestones";

const day = (d: string, total: number): HistoryDay => ({ day: d, total, individuals: total, organizations: 0, added: 0 });

describe("milestones", () => {
  it("has reached none and aims at 10 before any signature", () => {
    const result = milestones({ total: 0, goal: null, history: [] });
    expect(result.reached).toEqual([]);
    expect(result.next).toMatchObject({ count: 10, remaining: 10, reached: false });
  });

  it("dates each reached milestone by the first day the total got there", () => {
    const history = [day("2026-01-01", 8), day("2026-01-02", 30), day("2026-01-03", 120)];
    const result = milestones({ total: 120, goal: null, history });
    expect(result.reached.map((m) => [m.count, m.reachedOn])).toEqual([
      [10, "2026-01-02"],
      [25, "2026-01-02"],
      [50, "2026-01-03"],
      [100, "2026-01-03"],
    ]);
    expect(result.next).toMatchObject({ count: 250, remaining: 130 });
  });

  it("counts the goal as a milestone of its own", () => {
    const result = milestones({ total: 150, goal: 200, history: [] });
    expect(result.next).toMatchObject({ count: 200, isGoal: true, remaining: 50 });
    expect(milestones({ total: 200, goal: 200, history: [] }).reached.at(-1)).toMatchObject({ count: 200, isGoal: true, reachedOn: null });
  });

  it("keeps going past a million", () => {
    expect(milestones({ total: 1_200_000, goal: null, history: [] }).next).toMatchObject({ count: 2_000_000, remaining: 800_000 });
  });
});
