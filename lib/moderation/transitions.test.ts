import { describe, expect, it } from "vitest";
import { countDelta, MODERATION_ACTIONS, needsReason, transition, type ModerationAction } from "./transitions";
import { SIGNATURE_STATES } from "../validation/signature-filter";

const confirmed = new Date("2024-03-01T12:00:00Z");

// Where each action takes each state, for a confirmed signature ("-" = does not apply),
// and whether it clears the flags.
const CONFIRMED: Record<ModerationAction, Record<(typeof SIGNATURE_STATES)[number], string>> = {
  approve: { unverified: "-", awaiting_review: "counted/clear", counted: "counted/clear", rejected: "-", hidden: "-", fraud: "-" },
  reject: { unverified: "rejected", awaiting_review: "rejected", counted: "rejected", rejected: "-", hidden: "-", fraud: "-" },
  hide: { unverified: "-", awaiting_review: "hidden", counted: "hidden", rejected: "-", hidden: "-", fraud: "-" },
  fraud: { unverified: "fraud", awaiting_review: "fraud", counted: "fraud", rejected: "fraud", hidden: "fraud", fraud: "-" },
  restore: { unverified: "-", awaiting_review: "-", counted: "-", rejected: "counted/clear", hidden: "counted/clear", fraud: "counted/clear" },
};

const show = (t: ReturnType<typeof transition>) => (t ? `${t.to}${t.clearFlags ? "/clear" : ""}` : "-");

describe("transition", () => {
  it("covers every action and every state", () => {
    expect(Object.keys(CONFIRMED).sort()).toEqual([...MODERATION_ACTIONS].sort());
    expect(SIGNATURE_STATES).toHaveLength(6);
  });

  describe.each(MODERATION_ACTIONS)("%s", (action) => {
    it.each(SIGNATURE_STATES)(`of a confirmed %s signature`, (status) => {
      expect(show(transition(action, { status, confirmedAt: confirmed }))).toBe(CONFIRMED[action][status]);
    });
  });

  it("restore brings a removed signature back as counted when it was confirmed", () => {
    for (const status of ["rejected", "hidden", "fraud"]) {
      expect(transition("restore", { status, confirmedAt: confirmed })).toEqual({ to: "counted", clearFlags: true });
    }
  });

  it("restore brings a removed, never-confirmed signature back as unverified", () => {
    for (const status of ["rejected", "hidden", "fraud"]) {
      expect(transition("restore", { status, confirmedAt: null })).toEqual({ to: "unverified", clearFlags: true });
    }
  });

  it("apart from restore, confirmedAt makes no difference", () => {
    for (const action of MODERATION_ACTIONS.filter((a) => a !== "restore")) {
      for (const status of SIGNATURE_STATES) {
        expect(show(transition(action, { status, confirmedAt: null }))).toBe(CONFIRMED[action][status]);
      }
    }
  });

  it("only approve and restore clear flags", () => {
    for (const action of MODERATION_ACTIONS) {
      for (const status of SIGNATURE_STATES) {
        const t = transition(action, { status, confirmedAt: confirmed });
        if (t) expect(t.clearFlags).toBe(action === "approve" || action === "restore");
      }
    }
  });

  it("an unknown state is left alone by everything but fraud", () => {
    const weird = { status: "something_else", confirmedAt: confirmed };
    expect(MODERATION_ACTIONS.map((a) => show(transition(a, weird)))).toEqual(["-", "-", "-", "fraud", "-"]);
  });
});

describe("countDelta", () => {
  it("is +1 into counted, -1 out of counted, 0 otherwise", () => {
    expect(countDelta("awaiting_review", "counted")).toBe(1);
    expect(countDelta("rejected", "counted")).toBe(1);
    expect(countDelta("counted", "rejected")).toBe(-1);
    expect(countDelta("counted", "hidden")).toBe(-1);
    expect(countDelta("counted", "fraud")).toBe(-1);
    expect(countDelta("counted", "counted")).toBe(0);
    expect(countDelta("unverified", "rejected")).toBe(0);
    expect(countDelta("rejected", "unverified")).toBe(0);
    expect(countDelta("hidden", "fraud")).toBe(0);
  });

  it("agrees with every transition in the table", () => {
    for (const action of MODERATION_ACTIONS) {
      for (const status of SIGNATURE_STATES) {
        const t = transition(action, { status, confirmedAt: confirmed });
        if (!t) continue;
        const expected = status === t.to ? 0 : t.to === "counted" ? 1 : status === "counted" ? -1 : 0;
        expect(countDelta(status, t.to), `${action} ${status}`).toBe(expected);
      }
    }
  });
});

describe("needsReason", () => {
  it("reject and fraud need a reason; approve, hide and restore do not", () => {
    expect(MODERATION_ACTIONS.filter(needsReason)).toEqual(["reject", "fraud"]);
  });
});
