-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "batchKey" TEXT;

-- CreateTable
CREATE TABLE "CountChange" (
    "id" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CountChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "CountChange_letterId_idx" ON "CountChange"("letterId");

-- CreateIndex
CREATE INDEX "OutboxEmail_batchKey_idx" ON "OutboxEmail"("batchKey");

-- AddForeignKey
ALTER TABLE "CountChange" ADD CONSTRAINT "CountChange_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

