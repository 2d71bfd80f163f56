import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { createLetter } from "@/tests/support/factories";
import { adjustCount } from "./adjust-count";
import { letterHistory } from "./letter-history";
import { rollUpCounts } from "./roll-up-counts";
import { forgetLetter } from "../memory/letter-changed";

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

  it("gives the same days once the changes are rolled up into the daily counters, and after further changes", async () => {
    const letter = await createLetter();
    await change(letter.id, "2026-05-01", "individual", 1);
    await change(letter.id, "2026-05-01", "organization", 1);
    await change(letter.id, "2026-05-02", "individual", -1);
    const now = at("2026-05-03");
    const pending = await letterHistory({ letterId: letter.id, now });
    await rollUpCounts();
    forgetLetter({ what: "counts" });
    expect(await letterHistory({ letterId: letter.id, now })).toEqual(pending);

    await change(letter.id, "2026-05-02", "individual", 2); // pending, beside a rolled-up day
    forgetLetter({ what: "counts" });
    expect((await letterHistory({ letterId: letter.id, now })).map((d) => [d.day, d.total, d.added])).toEqual([
      ["2026-05-01", 2, 2],
      ["2026-05-02", 3, 1],
      ["2026-05-03", 3, 0],
    ]);
  });
});
