-- Administrations as units (docs/adr/0013-administrations-as-units.md): an assessment answers for a Gemeinde or a
-- Gemeindeverband; a participation code belongs to a unit.
-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "unitKind" TEXT NOT NULL DEFAULT 'gemeinde',
ADD COLUMN     "unitKey" TEXT,
ADD COLUMN     "memberCount" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Assessment_unitKey_idx" ON "Assessment"("unitKey");

-- Every assessment so far answered for a Gemeinde: its AGS is its unit key.
UPDATE "Assessment" SET "unitKey" = "ags" WHERE "ags" IS NOT NULL;

-- RenameColumn
ALTER TABLE "ParticipationCode" RENAME COLUMN "ags" TO "unitKey";
ALTER INDEX "ParticipationCode_ags_status_idx" RENAME TO "ParticipationCode_unitKey_status_idx";
