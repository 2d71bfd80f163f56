-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LetterTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "letterId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "addressedTo" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "translatedFrom" TEXT NOT NULL DEFAULT 'en',
    "originalDigest" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LetterTranslation_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LetterTranslation" ("addressedTo", "body", "createdAt", "id", "language", "letterId", "status", "summary", "title", "translatedFrom", "updatedAt") SELECT "addressedTo", "body", "createdAt", "id", "language", "letterId", "status", "summary", "title", "translatedFrom", "updatedAt" FROM "LetterTranslation";
DROP TABLE "LetterTranslation";
ALTER TABLE "new_LetterTranslation" RENAME TO "LetterTranslation";
CREATE UNIQUE INDEX "LetterTranslation_letterId_language_key" ON "LetterTranslation"("letterId", "language");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

