-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "signatureId" TEXT;
ALTER TABLE "OutboxEmail" ADD COLUMN "toCanonical" TEXT;

-- CreateTable
CREATE TABLE "WithdrawalToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "signatureId" TEXT,
    "letterId" TEXT NOT NULL,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WithdrawalToken_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DataRequestToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "emailCanonical" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BlockRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ProofOfWorkUse" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Letter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'open_letter',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "addressedTo" TEXT NOT NULL DEFAULT '',
    "allowIndividuals" BOOLEAN NOT NULL DEFAULT true,
    "allowOrganizations" BOOLEAN NOT NULL DEFAULT true,
    "autoApproveMatchingDomain" BOOLEAN NOT NULL DEFAULT false,
    "goal" INTEGER,
    "closesAt" DATETIME,
    "publishedAt" DATETIME,
    "closedAt" DATETIME,
    "anonymizeAfterMonths" INTEGER NOT NULL DEFAULT 6,
    "proofOfWork" TEXT NOT NULL DEFAULT 'off',
    "proofOfWorkBusyPerMinute" INTEGER NOT NULL DEFAULT 120,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Letter" ("addressedTo", "allowIndividuals", "allowOrganizations", "autoApproveMatchingDomain", "body", "closesAt", "createdAt", "goal", "id", "kind", "publishedAt", "slug", "status", "summary", "title", "updatedAt") SELECT "addressedTo", "allowIndividuals", "allowOrganizations", "autoApproveMatchingDomain", "body", "closesAt", "createdAt", "goal", "id", "kind", "publishedAt", "slug", "status", "summary", "title", "updatedAt" FROM "Letter";
DROP TABLE "Letter";
ALTER TABLE "new_Letter" RENAME TO "Letter";
CREATE UNIQUE INDEX "Letter_slug_key" ON "Letter"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "WithdrawalToken_tokenHash_key" ON "WithdrawalToken"("tokenHash");

-- CreateIndex
CREATE INDEX "WithdrawalToken_signatureId_idx" ON "WithdrawalToken"("signatureId");

-- CreateIndex
CREATE INDEX "WithdrawalToken_withdrawnAt_idx" ON "WithdrawalToken"("withdrawnAt");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequestToken_tokenHash_key" ON "DataRequestToken"("tokenHash");

-- CreateIndex
CREATE INDEX "DataRequestToken_expiresAt_idx" ON "DataRequestToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "BlockRule_kind_value_key" ON "BlockRule"("kind", "value");

-- CreateIndex
CREATE INDEX "ProofOfWorkUse_expiresAt_idx" ON "ProofOfWorkUse"("expiresAt");

-- CreateIndex
CREATE INDEX "Signature_emailCanonical_idx" ON "Signature"("emailCanonical");

-- CreateIndex
CREATE INDEX "OutboxEmail_signatureId_idx" ON "OutboxEmail"("signatureId");

-- CreateIndex
CREATE INDEX "OutboxEmail_toCanonical_idx" ON "OutboxEmail"("toCanonical");

