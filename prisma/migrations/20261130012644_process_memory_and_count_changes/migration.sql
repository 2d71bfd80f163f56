-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "batchKey" TEXT;

-- CreateTable
CREATE TABLE "CountChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "letterId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CountChange_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT
);

-- CreateIndex
CREATE INDEX "CountChange_letterId_idx" ON "CountChange"("letterId");

-- CreateIndex
CREATE INDEX "OutboxEmail_batchKey_idx" ON "OutboxEmail"("batchKey");

