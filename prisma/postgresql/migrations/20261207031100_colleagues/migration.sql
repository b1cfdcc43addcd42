-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "colleaguesAnswered" INTEGER,
ADD COLUMN     "colleaguesClosedAt" TIMESTAMP(3),
ADD COLUMN     "colleaguesDisputed" INTEGER;

-- CreateTable
CREATE TABLE "ColleagueInvitation" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "label" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ColleagueInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ColleagueAnswer" (
    "invitationId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,

    CONSTRAINT "ColleagueAnswer_pkey" PRIMARY KEY ("invitationId","questionId","optionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ColleagueInvitation_tokenHash_key" ON "ColleagueInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "ColleagueInvitation_assessmentId_idx" ON "ColleagueInvitation"("assessmentId");

-- AddForeignKey
ALTER TABLE "ColleagueInvitation" ADD CONSTRAINT "ColleagueInvitation_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColleagueAnswer" ADD CONSTRAINT "ColleagueAnswer_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "ColleagueInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

