import "server-only";
import type { DefenceSubject, Verdict } from "./index";

// Checks that tell a script from a person without asking the person anything: a
// honeypot field, a minimum fill time and, where a letter asks for it, a proof of work.
// (Being built.)

export interface SigningChecks {
  honeypot?: string;
  startedAt?: number;
  proof?: string;
}

export async function failsBotChecks(_subject: DefenceSubject): Promise<Verdict | null> {
  return null;
}
