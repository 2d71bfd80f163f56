import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startResendStandIn, type StandIn } from "@/e2e/resend-stand-in";
import { configureDatabase, db } from "@/lib/db";
import { processOutbox } from "@/lib/email/outbox-worker";
import { getEnv, type Env } from "@/lib/env";

// A withdrawal deletes the signature's messages, whatever the outbox worker is doing with
// them: one may be on its way to the provider at that moment.

let standIn: StandIn;
let env: Env;

beforeAll(async () => {
  await configureDatabase();
  standIn = await startResendStandIn({ apiKey: "re_test" });
  env = { ...getEnv(), RESEND_API_KEY: "re_test", RESEND_BASE_URL: standIn.url };
});
afterAll(() => standIn?.close());

async function queue(to: string) {
  return db.outboxEmail.create({ data: { template: "signature-confirm", to, subject: "Confirm your signature", html: "<p>Confirm</p>", text: "Confirm" } });
}

it("a message withdrawn while its batch is with the provider leaves the batch's outcome intact", async () => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  const id = crypto.randomUUID().slice(0, 8);
  const [kept, withdrawn] = [await queue(`kept-${id}@example.org`), await queue(`withdrawn-${id}@example.org`)];
  standIn.failNext(withdrawn.to, 1, 422);
  standIn.delayNext(kept.to, 1, 500);

  const run = processOutbox(env);
  await expect.poll(() => standIn.requests.filter((r) => r.to.includes(kept.to)).length).toBe(1);
  // The signer withdraws while the provider holds the batch: the row goes.
  await db.outboxEmail.delete({ where: { id: withdrawn.id } });
  await run;

  expect(await db.outboxEmail.findUnique({ where: { id: kept.id } })).toMatchObject({ status: "sent" });
  expect(await db.outboxEmail.count({ where: { id: withdrawn.id } })).toBe(0);
});
