-- CreateTable
CREATE TABLE "LetterTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "letterId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "addressedTo" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "translatedFrom" TEXT NOT NULL DEFAULT 'en',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LetterTranslation_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "updatedAt" DATETIME NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en'
);
INSERT INTO "new_Letter" ("addressedTo", "allowIndividuals", "allowOrganizations", "anonymizeAfterMonths", "autoApproveMatchingDomain", "body", "closedAt", "closesAt", "createdAt", "goal", "id", "kind", "proofOfWork", "proofOfWorkBusyPerMinute", "publishedAt", "slug", "status", "summary", "title", "updatedAt") SELECT "addressedTo", "allowIndividuals", "allowOrganizations", "anonymizeAfterMonths", "autoApproveMatchingDomain", "body", "closedAt", "closesAt", "createdAt", "goal", "id", "kind", "proofOfWork", "proofOfWorkBusyPerMinute", "publishedAt", "slug", "status", "summary", "title", "updatedAt" FROM "Letter";
DROP TABLE "Letter";
ALTER TABLE "new_Letter" RENAME TO "Letter";
CREATE UNIQUE INDEX "Letter_slug_key" ON "Letter"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "LetterTranslation_letterId_language_key" ON "LetterTranslation"("letterId", "language");

