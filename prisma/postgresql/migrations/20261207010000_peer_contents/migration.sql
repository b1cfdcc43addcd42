-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "contentHash" TEXT;

-- AlterTable
ALTER TABLE "PeerMember" ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PeerReleasedMember" ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PeerPendingChange" ADD COLUMN     "fresh" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PeerPoolVersion" ADD COLUMN     "contentRule" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PeerReleasedContent" (
    "municipalityKey" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,

    CONSTRAINT "PeerReleasedContent_pkey" PRIMARY KEY ("municipalityKey","fingerprint")
);


-- A database without submissions has no releases to learn the contents of (lib/assessment/refresh-peer-pool.ts).
UPDATE "PeerPoolVersion" SET "contentRule" = 1 WHERE NOT EXISTS (SELECT 1 FROM "Assessment" WHERE "status" = 'submitted');
