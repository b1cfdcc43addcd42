-- CreateTable
CREATE TABLE "Target" (
    "assessmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "responsible" TEXT NOT NULL,

    PRIMARY KEY ("assessmentId", "questionId"),
    CONSTRAINT "Target_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT,
    "chainId" TEXT NOT NULL DEFAULT '',
    "previousId" TEXT,
    "superseded" BOOLEAN NOT NULL DEFAULT false,
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
    "verifiedCodeId" TEXT,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME
);
INSERT INTO "new_Assessment" ("ags", "agsGebietsstand", "createdAt", "excludedFromPeers", "id", "indexScore", "isDemo", "municipalityKey", "municipalityName", "peerApproved", "peerCurrent", "population", "referenceId", "respondentRole", "sizeClass", "state", "status", "submittedAt", "tokenHash", "updatedAt", "verifiedAt", "verifiedCodeId", "version") SELECT "ags", "agsGebietsstand", "createdAt", "excludedFromPeers", "id", "indexScore", "isDemo", "municipalityKey", "municipalityName", "peerApproved", "peerCurrent", "population", "referenceId", "respondentRole", "sizeClass", "state", "status", "submittedAt", "tokenHash", "updatedAt", "verifiedAt", "verifiedCodeId", "version" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE UNIQUE INDEX "Assessment_tokenHash_key" ON "Assessment"("tokenHash");
CREATE INDEX "Assessment_state_sizeClass_status_idx" ON "Assessment"("state", "sizeClass", "status");
CREATE INDEX "Assessment_ags_idx" ON "Assessment"("ags");
CREATE INDEX "Assessment_municipalityKey_status_idx" ON "Assessment"("municipalityKey", "status");
CREATE INDEX "Assessment_peerCurrent_state_sizeClass_idx" ON "Assessment"("peerCurrent", "state", "sizeClass");
CREATE INDEX "Assessment_isDemo_idx" ON "Assessment"("isDemo");
CREATE INDEX "Assessment_status_updatedAt_idx" ON "Assessment"("status", "updatedAt");
CREATE INDEX "Assessment_verifiedCodeId_idx" ON "Assessment"("verifiedCodeId");
CREATE INDEX "Assessment_chainId_createdAt_idx" ON "Assessment"("chainId", "createdAt");
CREATE TABLE "new_Answer" (
    "assessmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "carriedOver" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("assessmentId", "questionId", "optionId"),
    CONSTRAINT "Answer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Answer" ("assessmentId", "optionId", "questionId") SELECT "assessmentId", "optionId", "questionId" FROM "Answer";
DROP TABLE "Answer";
ALTER TABLE "new_Answer" RENAME TO "Answer";
CREATE INDEX "Answer_questionId_optionId_idx" ON "Answer"("questionId", "optionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Every existing assessment starts its own chain.
UPDATE "Assessment" SET "chainId" = "id" WHERE "chainId" = '';
