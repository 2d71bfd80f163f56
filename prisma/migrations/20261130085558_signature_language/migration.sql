-- The language a person signed in: their emails are written in it. Added in place
-- rather than by rebuilding the table, which on a letter with millions of signatures
-- would copy every row; SQLite adds a NOT NULL column with a constant default directly.
ALTER TABLE "Signature" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
