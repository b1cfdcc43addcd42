import "server-only";
import { runExclusive } from "../db/exclusive";
import { db } from "../db/client";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "./errors";
import { findAssessmentRef } from "./find-assessment";
import { refreshPeerPool } from "./refresh-peer-pool";

/** Deletes the assessment and all its answers; afterwards its token finds nothing. */
export function deleteAssessment(token: string): Promise<TResult<null, TAssessmentError>> {
  return runExclusive(() => deleteAssessmentUnlocked(token));
}

async function deleteAssessmentUnlocked(token: string): Promise<TResult<null, TAssessmentError>> {
  const found = await findAssessmentRef(token);
  if (!found) return err({ kind: "assessment_not_found" });
  await db.$transaction(async (tx) => {
    await tx.assessment.deleteMany({ where: { id: found.id } });
    await refreshPeerPool(tx, found.municipalityKey);
  });
  return ok(null);
}
