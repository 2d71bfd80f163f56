-- AlterTable
ALTER TABLE "LetterTranslation" ADD COLUMN     "originalDigest" TEXT NOT NULL DEFAULT '';

