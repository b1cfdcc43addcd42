-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "window" INTEGER NOT NULL,
    "count" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "OperatorSession" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
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
    "peerApproved" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME
);
INSERT INTO "new_Assessment" ("ags", "agsGebietsstand", "createdAt", "excludedFromPeers", "id", "indexScore", "isDemo", "municipalityKey", "municipalityName", "peerCurrent", "population", "referenceId", "respondentRole", "sizeClass", "state", "status", "submittedAt", "tokenHash", "updatedAt", "version") SELECT "ags", "agsGebietsstand", "createdAt", "excludedFromPeers", "id", "indexScore", "isDemo", "municipalityKey", "municipalityName", "peerCurrent", "population", "referenceId", "respondentRole", "sizeClass", "state", "status", "submittedAt", "tokenHash", "updatedAt", "version" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE UNIQUE INDEX "Assessment_tokenHash_key" ON "Assessment"("tokenHash");
CREATE INDEX "Assessment_state_sizeClass_status_idx" ON "Assessment"("state", "sizeClass", "status");
CREATE INDEX "Assessment_ags_idx" ON "Assessment"("ags");
CREATE INDEX "Assessment_municipalityKey_status_idx" ON "Assessment"("municipalityKey", "status");
CREATE INDEX "Assessment_peerCurrent_state_sizeClass_idx" ON "Assessment"("peerCurrent", "state", "sizeClass");
CREATE INDEX "Assessment_isDemo_idx" ON "Assessment"("isDemo");
CREATE INDEX "Assessment_status_updatedAt_idx" ON "Assessment"("status", "updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OperatorSession_expiresAt_idx" ON "OperatorSession"("expiresAt");

