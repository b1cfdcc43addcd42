-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN "codeRevokedAt" TIMESTAMP(3);
