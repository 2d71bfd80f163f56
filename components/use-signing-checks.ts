"use client";

import { solveChallengeWorkers, type Challenge } from "altcha-lib";
import { useRef } from "react";

// What the sign form sends for the bot checks (lib/defences/bot-checks.ts) besides the
// fields a person fills in: how long the form was shown before it was sent, timed by the
// browser's own monotonic clock (so its clock and the server's never need to agree), and,
// when the letter asks for one, a solved proof-of-work challenge. Solving starts when the
// reader begins filling the form, in Web Workers, so it is done by the time they submit.

/** A solved challenge, and when it expires by this page's monotonic clock (performance.now()). */
type Proof = { payload: string; expiresAt: number } | null;

/** A challenge that expires within this is fetched and solved again before sending. */
const EXPIRY_MARGIN_MS = 30_000;

export function useSigningChecks(slug: string) {
  const shownAt = useRef<number | null>(null);
  const proof = useRef<Promise<Proof> | null>(null);

  /** The form's ref: notes when it was first shown. */
  function shown(form: HTMLFormElement | null) {
    if (!form || shownAt.current !== null) return;
    shownAt.current = performance.now();
    // Also on the form, where end-to-end tests wait out the minimum fill time as a person would take it.
    form.setAttribute("data-shown-at", String(Math.round(shownAt.current)));
  }

  /** Starts solving (once): call when the reader begins filling the form. */
  function prepare() {
    proof.current ??= solveFor(slug);
  }

  /** The check fields to send with the form, waiting for the proof if it is not done. */
  async function checks(): Promise<Record<string, string>> {
    const fillMs = Math.round(performance.now() - (shownAt.current ?? performance.now()));
    prepare();
    let solved = await proof.current;
    if (solved && solved.expiresAt - performance.now() < EXPIRY_MARGIN_MS) {
      proof.current = solveFor(slug);
      solved = await proof.current;
    }
    proof.current = null; // a proof is accepted once: the next sending solves a new one
    return { fillMs: String(fillMs), ...(solved ? { proofOfWork: solved.payload } : {}) };
  }

  return { shown, prepare, checks };
}

/** Fetches the letter's challenge and solves it; null when there is none or it failed (the server then decides). */
async function solveFor(slug: string): Promise<Proof> {
  try {
    const fetchedAt = performance.now();
    const response = await fetch(`/api/letters/${encodeURIComponent(slug)}/challenge`, { cache: "no-store" });
    if (!response.ok) return null;
    const { challenge } = (await response.json()) as { challenge: Challenge | null };
    if (!challenge) return null;
    const solution = await solveChallengeWorkers({
      challenge,
      concurrency: Math.min(4, navigator.hardwareConcurrency || 2),
      createWorker: () => new Worker(new URL("./proof-of-work.worker.ts", import.meta.url), { type: "module" }),
      timeout: 60_000,
    });
    if (!solution) return null;
    const payload = btoa(JSON.stringify({ challenge, solution }));
    // The challenge's lifetime by the server's clock (its Date header), so this browser's clock may be wrong.
    const serverNow = Date.parse(response.headers.get("date") ?? "") || Date.now();
    return { payload, expiresAt: fetchedAt + (challenge.parameters.expiresAt ?? 0) * 1000 - serverNow };
  } catch {
    return null;
  }
}
