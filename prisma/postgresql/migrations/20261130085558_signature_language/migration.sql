-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

