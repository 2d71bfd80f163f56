-- AlterTable
ALTER TABLE "ConfirmationToken" ADD COLUMN     "details" TEXT;

