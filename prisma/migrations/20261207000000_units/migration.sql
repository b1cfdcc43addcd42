-- Administrations as units (docs/adr/0013-administrations-as-units.md): an assessment answers for a Gemeinde or a
-- Gemeindeverband; a participation code belongs to a unit. Written by hand as ALTER statements (no table
-- redefinition), so that every existing row and column stays as it is.
ALTER TABLE "Assessment" ADD COLUMN "unitKind" TEXT NOT NULL DEFAULT 'gemeinde';
ALTER TABLE "Assessment" ADD COLUMN "unitKey" TEXT;
ALTER TABLE "Assessment" ADD COLUMN "memberCount" INTEGER NOT NULL DEFAULT 1;
CREATE INDEX "Assessment_unitKey_idx" ON "Assessment"("unitKey");

-- Every assessment so far answered for a Gemeinde: its AGS is its unit key.
UPDATE "Assessment" SET "unitKey" = "ags" WHERE "ags" IS NOT NULL;

ALTER TABLE "ParticipationCode" RENAME COLUMN "ags" TO "unitKey";
DROP INDEX "ParticipationCode_ags_status_idx";
CREATE INDEX "ParticipationCode_unitKey_status_idx" ON "ParticipationCode"("unitKey", "status");
