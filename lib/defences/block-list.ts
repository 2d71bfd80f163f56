import "server-only";
import type { DefenceSubject, Verdict } from "./index";

// Blocked network ranges, email domains and addresses, and the allow list that exempts
// a range from the flood flag. (Being built: the admin page and the rules' matching.)

export async function blockedBy(_subject: DefenceSubject): Promise<Verdict | null> {
  return null;
}

/** Whether a client address is in an allowed range, which the flood flag leaves alone. */
export async function floodExempt(_ip: string | undefined): Promise<boolean> {
  return false;
}
