-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "chainId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "previousId" TEXT,
ADD COLUMN     "superseded" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "tokenHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "carriedOver" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Target" (
    "assessmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "responsible" TEXT NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("assessmentId","questionId")
);

-- CreateIndex
CREATE INDEX "Assessment_chainId_createdAt_idx" ON "Assessment"("chainId", "createdAt");

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Every existing assessment starts its own chain.
UPDATE "Assessment" SET "chainId" = "id" WHERE "chainId" = '';
