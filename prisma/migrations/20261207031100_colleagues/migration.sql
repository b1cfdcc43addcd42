-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN "colleaguesAnswered" INTEGER;
ALTER TABLE "Assessment" ADD COLUMN "colleaguesClosedAt" DATETIME;
ALTER TABLE "Assessment" ADD COLUMN "colleaguesDisputed" INTEGER;

-- CreateTable
CREATE TABLE "ColleagueInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "label" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ColleagueInvitation_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ColleagueAnswer" (
    "invitationId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,

    PRIMARY KEY ("invitationId", "questionId", "optionId"),
    CONSTRAINT "ColleagueAnswer_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "ColleagueInvitation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ColleagueInvitation_tokenHash_key" ON "ColleagueInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "ColleagueInvitation_assessmentId_idx" ON "ColleagueInvitation"("assessmentId");

