-- AlterTable
ALTER TABLE "Signature" ADD COLUMN "updatesConsentAt" DATETIME;
ALTER TABLE "Signature" ADD COLUMN "updatesConsentWording" TEXT;
ALTER TABLE "Signature" ADD COLUMN "updatesEndedAt" DATETIME;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "headers" TEXT;

-- CreateTable
CREATE TABLE "LetterUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "letterId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdByEmail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "sendStartedAt" DATETIME,
    "queuedAt" DATETIME,
    CONSTRAINT "LetterUpdate_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UpdateRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "updateId" TEXT NOT NULL,
    "signatureId" TEXT,
    "outboxEmailId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "sentAt" DATETIME,
    "failedAt" DATETIME,
    "droppedAt" DATETIME,
    "droppedWhy" TEXT,
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UpdateRecipient_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LetterUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UpdateRecipient_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LetterUpdate_letterId_createdAt_idx" ON "LetterUpdate"("letterId", "createdAt");

-- CreateIndex
CREATE INDEX "LetterUpdate_status_idx" ON "LetterUpdate"("status");

-- CreateIndex
CREATE UNIQUE INDEX "UpdateRecipient_tokenHash_key" ON "UpdateRecipient"("tokenHash");

-- CreateIndex
CREATE INDEX "UpdateRecipient_signatureId_idx" ON "UpdateRecipient"("signatureId");

-- CreateIndex
CREATE INDEX "UpdateRecipient_outboxEmailId_idx" ON "UpdateRecipient"("outboxEmailId");

-- CreateIndex
CREATE UNIQUE INDEX "UpdateRecipient_updateId_signatureId_key" ON "UpdateRecipient"("updateId", "signatureId");

-- CreateIndex
CREATE INDEX "Signature_letterId_updatesConsentAt_idx" ON "Signature"("letterId", "updatesConsentAt");

