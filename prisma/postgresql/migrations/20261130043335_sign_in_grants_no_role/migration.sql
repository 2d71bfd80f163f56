-- AlterTable
ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'none';


-- Accounts Auth.js made at a first sign-in took the old default, "moderator", and kept
-- access after their address left ADMIN_EMAILS. A role an admin or the operator gave is
-- in the audit log (user.add, user.role); every other account has none.
UPDATE "User" SET "role" = 'none'
WHERE "id" NOT IN (
  SELECT "targetId" FROM "AuditLog"
  WHERE "targetType" = 'user' AND "action" IN ('user.add', 'user.role') AND "targetId" IS NOT NULL
);
