-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedCodeId" TEXT;

-- CreateTable
CREATE TABLE "ParticipationCode" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "ags" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ParticipationCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerMember" (
    "municipalityKey" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerMember_pkey" PRIMARY KEY ("municipalityKey")
);

-- CreateTable
CREATE TABLE "PeerReleasedMember" (
    "state" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "municipalityKey" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerReleasedMember_pkey" PRIMARY KEY ("state","sizeClass","municipalityKey")
);

-- CreateTable
CREATE TABLE "PeerPendingChange" (
    "state" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "municipalityKey" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerPendingChange_pkey" PRIMARY KEY ("state","sizeClass","municipalityKey")
);

-- CreateTable
CREATE TABLE "PeerRelease" (
    "state" TEXT NOT NULL,
    "sizeClass" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "releasedAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "indexScores" TEXT NOT NULL,
    "optionCounts" TEXT NOT NULL,

    CONSTRAINT "PeerRelease_pkey" PRIMARY KEY ("state","sizeClass")
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

