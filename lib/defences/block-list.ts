import "server-only";
import { db } from "../db";
import { whenLetterChanges } from "../memory/letter-changed";
import { timedCache } from "../memory/timed-cache";
import { blockReason, compileBlockRules, type BlockMatcher } from "./block-matcher";
import type { DefenceSubject, Verdict } from "./index";

// Blocked network ranges, email domains and addresses, and the allowed ranges that the
// flood flag leaves alone (an office, a university). Every signing is matched, so each
// process keeps the rules in memory, compiled for matching (./block-matcher.ts). A
// change on /admin/blocks is announced as a change of every letter
// (lib/memory/letter-changed.ts), so every process forgets its copy at once, and also
// when it reconnects after missing announcements; the copy's lifetime is only a
// backstop for an announcement that could not be sent.

const BACKSTOP_MS = 10_000;

const cache = timedCache<BlockMatcher>("block-rules", { ttlMs: BACKSTOP_MS, max: 1 });
whenLetterChanges("block-rules", ({ what, letterId }) => what === "letter" && !letterId && cache.forget());

function blockMatcher(): Promise<BlockMatcher> {
  return cache.get("rules", async () =>
    compileBlockRules(await db.blockRule.findMany({ select: { id: true, kind: true, value: true, reason: true } })),
  );
}

/** The verdict for a signer a block rule covers: marked "blocked", with the rule and its reason. */
export async function blockedBy(subject: DefenceSubject): Promise<Verdict | null> {
  const rule = (await blockMatcher()).blocking(subject);
  return rule ? { flag: "blocked", reason: blockReason(rule) } : null;
}

/** Whether a client address is in an allowed range, which the flood flag leaves alone. */
export async function floodExempt(ip: string | undefined): Promise<boolean> {
  if (!ip) return false;
  return (await blockMatcher()).allows(ip);
}
