// What each moderation action does to a signature's state, and so to the counts.

export const MODERATION_ACTIONS = ["approve", "reject", "hide", "fraud", "restore"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const ACTION_LABEL: Record<ModerationAction, string> = {
  approve: "Approve",
  reject: "Reject",
  hide: "Hide",
  fraud: "Mark as fraud",
  restore: "Restore",
};

const REMOVED = ["rejected", "hidden", "fraud"];

export interface Transition {
  to: string;
  clearFlags: boolean;
}

/**
 * The state an action moves a signature to, or null when it does not apply. Approving
 * a counted signature clears its flags ("looked at, fine"); restoring brings back a
 * confirmed signature as counted (a moderator's restore approves an organisation too).
 */
export function transition(
  action: ModerationAction,
  signature: { status: string; confirmedAt: Date | null },
): Transition | null {
  const { status } = signature;
  switch (action) {
    case "approve":
      if (status === "awaiting_review" || status === "counted") return { to: "counted", clearFlags: true };
      return null;
    case "reject":
      return ["unverified", "awaiting_review", "counted"].includes(status) ? { to: "rejected", clearFlags: false } : null;
    case "hide":
      return ["awaiting_review", "counted"].includes(status) ? { to: "hidden", clearFlags: false } : null;
    case "fraud":
      return status !== "fraud" ? { to: "fraud", clearFlags: false } : null;
    case "restore":
      if (!REMOVED.includes(status)) return null;
      return { to: signature.confirmedAt ? "counted" : "unverified", clearFlags: true };
  }
}

/** +1, -1 or 0: how the counted total moves between two states. */
export function countDelta(from: string, to: string): number {
  return (to === "counted" ? 1 : 0) - (from === "counted" ? 1 : 0);
}

export const needsReason = (action: ModerationAction) => action === "reject" || action === "fraud";
