import "server-only";
import { db } from "../db";
import { runExclusively } from "../memory/run-exclusively";
import { fillUpdateRecipients } from "./fill-update-recipients";

/**
 * Queues every update that is "sending" (fill-update-recipients.ts), unless this is
 * running already here or, on PostgreSQL, in another process (runExclusively). Sending an
 * update starts it; the outbox worker calls it now and then, so an update a restart
 * interrupted is picked up again. Returns how many messages it queued.
 */
export function resumeUpdateSending(): Promise<number> {
  return runExclusively("updateFilling", fillAll, 0);
}

async function fillAll(): Promise<number> {
  let queued = 0;
  // Again until none is left: an update sent while this ran is queued by this run too.
  for (;;) {
    const sending = await db.letterUpdate.findMany({ where: { status: "sending" }, select: { id: true }, orderBy: { sendStartedAt: "asc" } });
    if (sending.length === 0) return queued;
    for (const { id } of sending) queued += (await fillUpdateRecipients({ updateId: id })).queued;
  }
}
