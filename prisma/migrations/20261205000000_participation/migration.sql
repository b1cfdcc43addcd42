-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN "verifiedAt" DATETIME;
ALTER TABLE "Assessment" ADD COLUMN "verifiedCodeId" TEXT;

-- CreateTable
CREATE TABLE "ParticipationCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "codeHash" TEXT NOT NULL,
    "ags" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PeerMember" (
    "municipalityKey" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PeerReleasedMember" (
    "state" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "municipalityKey" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL,

    PRIMARY KEY ("state", "sizeClass", "municipalityKey")
);

-- CreateTable
CREATE TABLE "PeerPendingChange" (
    "state" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "municipalityKey" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL,

    PRIMARY KEY ("state", "sizeClass", "municipalityKey")
);

-- CreateTable
CREATE TABLE "PeerRelease" (
    "state" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "releasedAt" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "indexScores" TEXT NOT NULL,
    "optionCounts" TEXT NOT NULL,

    PRIMARY KEY ("state", "sizeClass")
);

-- CreateIndex
CREATE UNIQUE INDEX "ParticipationCode_codeHash_key" ON "ParticipationCode"("codeHash");

-- CreateIndex
CREATE INDEX "ParticipationCode_ags_status_idx" ON "ParticipationCode"("ags", "status");

-- CreateIndex
CREATE INDEX "PeerMember_state_sizeClass_idx" ON "PeerMember"("state", "sizeClass");

-- CreateIndex
CREATE INDEX "PeerReleasedMember_municipalityKey_idx" ON "PeerReleasedMember"("municipalityKey");

-- CreateIndex
CREATE INDEX "PeerPendingChange_municipalityKey_idx" ON "PeerPendingChange"("municipalityKey");

-- CreateIndex
CREATE INDEX "Assessment_verifiedCodeId_idx" ON "Assessment"("verifiedCodeId");

