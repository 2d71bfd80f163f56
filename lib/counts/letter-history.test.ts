import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { createLetter } from "@/tests/support/factories";
import { adjustCount } from "./adjust-count";
import { letterHistory } from "./letter-history";

beforeAll(() => configureDatabase());

const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function change(letterId: string, day: string, kind: string, delta: number) {
  await db.$transaction((tx) => adjustCount(tx, { letterId, country: "FR", kind, delta, now: at(day) }));
}

describe("letterHistory", () => {
  it("is empty for a letter nobody has signed", async () => {
    const letter = await createLetter();
    expect(await letterHistory({ letterId: letter.id })).toEqual([]);
  });

  it("gives running totals per day, fills quiet days and runs up to today", async () => {
    const letter = await createLetter();
    await change(letter.id, "2026-03-01", "individual", 1);
    await change(letter.id, "2026-03-01", "individual", 1);
    await change(letter.id, "2026-03-01", "organization", 1);
    await change(letter.id, "2026-03-03", "individual", 1);
    await change(letter.id, "2026-03-04", "individual", -1);
    const days = await letterHistory({ letterId: letter.id, now: at("2026-03-05") });
    expect(days).toEqual([
      { day: "2026-03-01", total: 3, individuals: 2, organizations: 1, added: 3 },
      { day: "2026-03-02", total: 3, individuals: 2, organizations: 1, added: 0 },
      { day: "2026-03-03", total: 4, individuals: 3, organizations: 1, added: 1 },
      { day: "2026-03-04", total: 3, individuals: 2, organizations: 1, added: -1 },
      { day: "2026-03-05", total: 3, individuals: 2, organizations: 1, added: 0 },
    ]);
  });

  it("keeps other letters' days out", async () => {
    const [a, b] = [await createLetter(), await createLetter()];
    await change(a.id, "2026-04-01", "individual", 2);
    await change(b.id, "2026-04-02", "individual", 5);
    const days = await letterHistory({ letterId: a.id, now: at("2026-04-02") });
    expect(days.map((d) => [d.day, d.total])).toEqual([
      ["2026-04-01", 2],
      ["2026-04-02", 2],
    ]);
  });
});
