-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "excludedFromPeers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "indexScore" DOUBLE PRECISION,
ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "municipalityKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "peerCurrent" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PeerPoolVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PeerPoolVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assessment_municipalityKey_status_idx" ON "Assessment"("municipalityKey", "status");

-- CreateIndex
CREATE INDEX "Assessment_peerCurrent_state_sizeClass_idx" ON "Assessment"("peerCurrent", "state", "sizeClass");

-- CreateIndex
CREATE INDEX "Assessment_isDemo_idx" ON "Assessment"("isDemo");


-- Backfill for assessments created before this migration: the key (AGS, else the lower-cased name
-- and state; new rows use the app's fuller normaliser) and the latest submission per municipality.
UPDATE "Assessment" SET "municipalityKey" = CASE
  WHEN "ags" IS NOT NULL THEN 'ags:' || "ags"
  ELSE 'name:' || lower(trim("municipalityName")) || '|' || "state"
END;
UPDATE "Assessment" SET "peerCurrent" = true
WHERE "status" = 'submitted' AND "id" = (
  SELECT a2."id" FROM "Assessment" a2
  WHERE a2."municipalityKey" = "Assessment"."municipalityKey" AND a2."status" = 'submitted'
  ORDER BY a2."submittedAt" DESC, a2."id" DESC LIMIT 1
);
INSERT INTO "PeerPoolVersion" ("id", "version") VALUES (1, 1);
