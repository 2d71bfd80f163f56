-- CreateTable
CREATE TABLE "LetterDelivery" (
    "id" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "deliveredTo" TEXT NOT NULL,
    "deliveredOn" TIMESTAMP(3) NOT NULL,
    "method" TEXT NOT NULL,
    "link" TEXT,
    "note" TEXT,
    "photo" BYTEA,
    "photoType" TEXT,
    "photoDigest" TEXT,
    "responseReceivedOn" TIMESTAMP(3),
    "responseFrom" TEXT,
    "responseText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LetterDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LetterDelivery_letterId_deliveredOn_idx" ON "LetterDelivery"("letterId", "deliveredOn");

-- AddForeignKey
ALTER TABLE "LetterDelivery" ADD CONSTRAINT "LetterDelivery_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

