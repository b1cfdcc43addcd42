import "server-only";
import { refreshPeerPool } from "../peer-pool/refresh-peer-pool";
import { deleteYear } from "../assessment/delete-assessment";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import type { TOperatorError } from "../errors";
import type { TAuditActor } from "../audit/actions";
import { recordAudit } from "../audit/record";

/**
 * Deletes an assessment with all its answers, by id (the operator has no edit token). If it was its
 * municipality's latest submission, an older submission of the same municipality counts again. If it held
 * its chain's edit link (the newest year), the link passes to the year before, as "Daten löschen" does.
 */
export function deleteAssessmentById(
  id: string,
  actor: TAuditActor,
  now = new Date(),
): Promise<TResult<{ municipalityName: string }, TOperatorError>> {
  return runExclusive(async () => {
    const found = await db.assessment.findUnique({
      where: { id },
      select: { municipalityKey: true, municipalityName: true, tokenHash: true, previousId: true },
    });
    if (!found) return err({ kind: "assessment_gone" });
    await db.$transaction(async (tx) => {
      await beginWrite(tx);
      await deleteYear(tx, { id, ...found });
      await refreshPeerPool(tx, found.municipalityKey);
      await recordAudit(
        tx,
        { actor, action: "assessment_deleted", count: 1, target: id, detail: found.municipalityName },
        now,
      );
    });
    return ok({ municipalityName: found.municipalityName });
  });
}
