import "server-only";
import { beginWrite, runExclusive } from "../db/exclusive";
import { db } from "../db/client";
import { ok, err, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { findAssessmentByToken } from "./find-assessment";
import { refreshPeerPool } from "../peer-pool/refresh-peer-pool";

/** Opens a submitted assessment for editing again; it then no longer counts as submitted. */
export function reopenAssessment(
  token: string,
): Promise<TResult<{ status: "draft"; version: number }, TAssessmentError>> {
  return runExclusive(() => reopenAssessmentUnlocked(token));
}

async function reopenAssessmentUnlocked(
  token: string,
): Promise<TResult<{ status: "draft"; version: number }, TAssessmentError>> {
  const assessment = await findAssessmentByToken(token);
  if (!assessment) return err({ kind: "assessment_not_found" });
  if (assessment.status === "draft") return ok({ status: "draft", version: assessment.version });
  await db.$transaction(async (tx) => {
    await beginWrite(tx);
    await tx.assessment.update({
      where: { id: assessment.id },
      data: { status: "draft", submittedAt: null, version: { increment: 1 }, peerCurrent: false, indexScore: null },
    });
    await refreshPeerPool(tx, assessment.municipalityKey);
  });
  return ok({ status: "draft", version: assessment.version + 1 });
}
