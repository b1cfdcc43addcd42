-- AlterTable
ALTER TABLE "OperatorSession" ADD COLUMN     "actor" TEXT,
ADD COLUMN     "subject" TEXT;

-- CreateTable
CREATE TABLE "OperatorAuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "subject" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER,
    "target" TEXT,
    "detail" TEXT,

    CONSTRAINT "OperatorAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OperatorAuditEntry_at_idx" ON "OperatorAuditEntry"("at");

-- CreateIndex
CREATE INDEX "OperatorAuditEntry_action_at_idx" ON "OperatorAuditEntry"("action", "at");
