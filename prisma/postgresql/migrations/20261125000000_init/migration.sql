-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "assessmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("assessmentId","questionId","optionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_tokenHash_key" ON "Assessment"("tokenHash");

-- CreateIndex
CREATE INDEX "Assessment_state_sizeClass_status_idx" ON "Assessment"("state", "sizeClass", "status");

-- CreateIndex
CREATE INDEX "Assessment_ags_idx" ON "Assessment"("ags");

-- CreateIndex
CREATE INDEX "Answer_questionId_optionId_idx" ON "Answer"("questionId", "optionId");

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

