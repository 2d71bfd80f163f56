-- CreateTable
CREATE TABLE "DailyCount" (
    "letterId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("letterId", "day", "kind"),
    CONSTRAINT "DailyCount_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'moderator',
    "disabledAt" DATETIME,
    "addedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Account" (
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("provider", "providerAccountId"),
    CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,

    PRIMARY KEY ("identifier", "token")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "letterId" TEXT,
    "reason" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Signature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "letterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailCanonical" TEXT NOT NULL,
    "emailDomain" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "title" TEXT,
    "affiliation" TEXT,
    "organizationName" TEXT,
    "website" TEXT,
    "comment" TEXT,
    "listPublicly" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'unverified',
    "domainMatch" BOOLEAN NOT NULL DEFAULT false,
    "flags" TEXT NOT NULL DEFAULT '',
    "ipHash" TEXT,
    "moderatedAt" DATETIME,
    "moderationReason" TEXT,
    "consentAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "countedAt" DATETIME,
    CONSTRAINT "Signature_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Signature" ("affiliation", "comment", "confirmedAt", "consentAt", "countedAt", "country", "createdAt", "domainMatch", "email", "emailCanonical", "emailDomain", "id", "kind", "letterId", "listPublicly", "name", "organizationName", "status", "title", "updatedAt", "website") SELECT "affiliation", "comment", "confirmedAt", "consentAt", "countedAt", "country", "createdAt", "domainMatch", "email", "emailCanonical", "emailDomain", "id", "kind", "letterId", "listPublicly", "name", "organizationName", "status", "title", "updatedAt", "website" FROM "Signature";
DROP TABLE "Signature";
ALTER TABLE "new_Signature" RENAME TO "Signature";
CREATE INDEX "Signature_letterId_status_kind_listPublicly_countedAt_idx" ON "Signature"("letterId", "status", "kind", "listPublicly", "countedAt");
CREATE INDEX "Signature_letterId_createdAt_idx" ON "Signature"("letterId", "createdAt");
CREATE INDEX "Signature_letterId_emailDomain_idx" ON "Signature"("letterId", "emailDomain");
CREATE INDEX "Signature_letterId_flags_idx" ON "Signature"("letterId", "flags");
CREATE INDEX "Signature_status_kind_idx" ON "Signature"("status", "kind");
CREATE INDEX "Signature_letterId_ipHash_createdAt_idx" ON "Signature"("letterId", "ipHash", "createdAt");
CREATE UNIQUE INDEX "Signature_letterId_emailCanonical_key" ON "Signature"("letterId", "emailCanonical");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_letterId_createdAt_idx" ON "AuditLog"("letterId", "createdAt");

