-- CreateTable
CREATE TABLE "PeerPoolVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "referenceId" TEXT NOT NULL,
    "municipalityName" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "ags" TEXT,
    "agsGebietsstand" TEXT,
    "respondentRole" TEXT NOT NULL,
    "municipalityKey" TEXT NOT NULL DEFAULT '',
    "peerCurrent" BOOLEAN NOT NULL DEFAULT false,
    "indexScore" REAL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "excludedFromPeers" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME
);
INSERT INTO "new_Assessment" ("ags", "agsGebietsstand", "createdAt", "id", "municipalityName", "population", "referenceId", "respondentRole", "sizeClass", "state", "status", "submittedAt", "tokenHash", "updatedAt", "version") SELECT "ags", "agsGebietsstand", "createdAt", "id", "municipalityName", "population", "referenceId", "respondentRole", "sizeClass", "state", "status", "submittedAt", "tokenHash", "updatedAt", "version" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE UNIQUE INDEX "Assessment_tokenHash_key" ON "Assessment"("tokenHash");
CREATE INDEX "Assessment_state_sizeClass_status_idx" ON "Assessment"("state", "sizeClass", "status");
CREATE INDEX "Assessment_ags_idx" ON "Assessment"("ags");
CREATE INDEX "Assessment_municipalityKey_status_idx" ON "Assessment"("municipalityKey", "status");
CREATE INDEX "Assessment_peerCurrent_state_sizeClass_idx" ON "Assessment"("peerCurrent", "state", "sizeClass");
CREATE INDEX "Assessment_isDemo_idx" ON "Assessment"("isDemo");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


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
