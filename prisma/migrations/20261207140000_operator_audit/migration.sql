-- AlterTable
ALTER TABLE "OperatorSession" ADD COLUMN "actor" TEXT;
ALTER TABLE "OperatorSession" ADD COLUMN "subject" TEXT;

-- CreateTable
CREATE TABLE "OperatorAuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "subject" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER,
    "target" TEXT,
    "detail" TEXT
);

-- CreateIndex
CREATE INDEX "OperatorAuditEntry_at_idx" ON "OperatorAuditEntry"("at");

-- CreateIndex
CREATE INDEX "OperatorAuditEntry_action_at_idx" ON "OperatorAuditEntry"("action", "at");
