-- CreateTable
CREATE TABLE "LetterDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "letterId" TEXT NOT NULL,
    "deliveredTo" TEXT NOT NULL,
    "deliveredOn" DATETIME NOT NULL,
    "method" TEXT NOT NULL,
    "link" TEXT,
    "note" TEXT,
    "photo" BLOB,
    "photoType" TEXT,
    "photoDigest" TEXT,
    "responseReceivedOn" DATETIME,
    "responseFrom" TEXT,
    "responseText" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LetterDelivery_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LetterDelivery_letterId_deliveredOn_idx" ON "LetterDelivery"("letterId", "deliveredOn");

