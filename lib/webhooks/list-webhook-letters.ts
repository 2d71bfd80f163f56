import "server-only";
import { db } from "../db";

/** Letters to choose from in the forms. */
export function listWebhookLetters() {
  return db.letter.findMany({ select: { id: true, title: true, status: true }, orderBy: { createdAt: "desc" } });
}
