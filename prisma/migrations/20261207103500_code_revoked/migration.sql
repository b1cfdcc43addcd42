-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN "codeRevokedAt" DATETIME;
