-- CreateTable
CREATE TABLE "Assessment" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Answer" (
    "assessmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,

    PRIMARY KEY ("assessmentId", "questionId", "optionId"),
    CONSTRAINT "Answer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_tokenHash_key" ON "Assessment"("tokenHash");

-- CreateIndex
CREATE INDEX "Assessment_state_sizeClass_status_idx" ON "Assessment"("state", "sizeClass", "status");

-- CreateIndex
CREATE INDEX "Assessment_ags_idx" ON "Assessment"("ags");

-- CreateIndex
CREATE INDEX "Answer_questionId_optionId_idx" ON "Answer"("questionId", "optionId");

