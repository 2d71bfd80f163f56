import "server-only";
import pg from "pg";
import { getEnv } from "../env";
import { provider } from "../db";
import { CHANGE_CHANNEL, forgetLetter, processId, type LetterChange } from "./letter-changed";
import { processMemory } from "./process-memory";

// Hears the letter changes other processes make (PostgreSQL LISTEN on one connection of
// its own beside Prisma's pool) and forgets what this process kept of them. When the
// connection drops it reconnects, and forgets every letter, since changes may have
// been missed meanwhile. On SQLite there is nothing to hear.

const RECONNECT_MS = 1_000;

export function startChangeListener(): void {
  if (provider !== "postgresql") return;
  processMemory("change-listener", () => {
    let stopped = false;
    let client: pg.Client | null = null;
    const connect = async () => {
      if (stopped) return;
      const next = new pg.Client({ connectionString: getEnv().DATABASE_URL });
      client = next;
      let retrying = false;
      const retry = () => {
        if (retrying) return;
        retrying = true;
        void next.end().catch(() => undefined);
        setTimeout(() => void connect(), RECONNECT_MS).unref();
      };
      next.on("error", retry);
      next.on("end", retry);
      next.on("notification", ({ payload }) => {
        const change = parse(payload);
        if (change && change.origin !== processId) forgetLetter(change);
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${CHANGE_CHANNEL}`);
        forgetLetter({ what: "letter" });
      } catch {
        retry();
      }
    };
    void connect();
    return { stop: () => ((stopped = true), void client?.end().catch(() => undefined)) };
  });
}

function parse(payload: string | undefined): (LetterChange & { origin?: string }) | null {
  try {
    const value = JSON.parse(payload ?? "");
    if (value?.what !== "counts" && value?.what !== "letter") return null;
    return { what: value.what, letterId: typeof value.letterId === "string" ? value.letterId : undefined, origin: value.origin };
  } catch {
    return null;
  }
}
