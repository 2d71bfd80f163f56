-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'none',
    "disabledAt" DATETIME,
    "addedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("addedById", "createdAt", "disabledAt", "email", "emailVerified", "id", "image", "name", "role", "updatedAt") SELECT "addedById", "createdAt", "disabledAt", "email", "emailVerified", "id", "image", "name", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Accounts Auth.js made at a first sign-in took the old default, "moderator", and kept
-- access after their address left ADMIN_EMAILS. A role an admin or the operator gave is
-- in the audit log (user.add, user.role); every other account has none.
UPDATE "User" SET "role" = 'none'
WHERE "id" NOT IN (
  SELECT "targetId" FROM "AuditLog"
  WHERE "targetType" = 'user' AND "action" IN ('user.add', 'user.role') AND "targetId" IS NOT NULL
);
