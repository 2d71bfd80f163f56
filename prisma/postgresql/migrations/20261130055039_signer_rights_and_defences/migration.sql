-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "anonymizeAfterMonths" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "proofOfWork" TEXT NOT NULL DEFAULT 'off',
ADD COLUMN     "proofOfWorkBusyPerMinute" INTEGER NOT NULL DEFAULT 120;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "signatureId" TEXT,
ADD COLUMN     "toCanonical" TEXT;

-- CreateTable
CREATE TABLE "WithdrawalToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "signatureId" TEXT,
    "letterId" TEXT NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WithdrawalToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataRequestToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "emailCanonical" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataRequestToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlockRule" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlockRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProofOfWorkUse" (
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProofOfWorkUse_pkey" PRIMARY KEY ("key")
);

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

-- AddForeignKey
ALTER TABLE "WithdrawalToken" ADD CONSTRAINT "WithdrawalToken_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

