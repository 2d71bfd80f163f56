import { z } from "zod";
import { MODERATION_ACTIONS } from "../moderation/transitions";

// The audit log's filter, read from the query string.

export const AUDIT_ACTIONS = [
  ...MODERATION_ACTIONS.map((a) => `signature.${a}`),
  ...MODERATION_ACTIONS.map((a) => `signature.bulk_${a}`),
  "letter.create", "letter.update",
  "letter.translation.save", "letter.translation.publish", "letter.translation.unpublish", "letter.translation.delete",
  "export.csv", "user.add", "user.role", "user.disable", "email.send_again",
  "block.add", "block.remove",
  "signature.withdraw", "signature.erase", "data.erase", "data.export",
  "retention.run", "retention.anonymize",
  // issue 14: delivering the letter
  "delivery.document", "delivery.record", "delivery.update", "delivery.response",
  // updates to signers
  "update.save", "update.test_send", "update.send",
  // webhooks
  "webhook.create", "webhook.update", "webhook.delete", "webhook.send_again", "webhook.disable",
] as const;

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);

export const auditFilterSchema = z.object({
  letter: z.preprocess(empty, z.string().max(100).optional()),
  action: z.preprocess(empty, z.string().max(60).regex(/^[a-z_.]+$/).optional()),
  cursor: z.preprocess(empty, z.string().max(200).optional()),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
