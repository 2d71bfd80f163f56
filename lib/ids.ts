import crypto from "node:crypto";

/**
 * An id for a row written with raw SQL, shaped like the cuid Prisma gives the others:
 * "c", the time in base 36 (so ids sort roughly by creation), then 96 random bits.
 */
export function newId(now = Date.now()): string {
  return `c${now.toString(36)}${crypto.randomBytes(12).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0")}`;
}
