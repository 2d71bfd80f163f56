-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "updatesConsentAt" TIMESTAMP(3),
ADD COLUMN     "updatesConsentWording" TEXT,
ADD COLUMN     "updatesEndedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "headers" TEXT;

-- CreateTable
CREATE TABLE "LetterUpdate" (
    "id" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sendStartedAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3),

    CONSTRAINT "LetterUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpdateRecipient" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "signatureId" TEXT,
    "outboxEmailId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "droppedAt" TIMESTAMP(3),
    "droppedWhy" TEXT,
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpdateRecipient_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "LetterUpdate" ADD CONSTRAINT "LetterUpdate_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateRecipient" ADD CONSTRAINT "UpdateRecipient_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LetterUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateRecipient" ADD CONSTRAINT "UpdateRecipient_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

