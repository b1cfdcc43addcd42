import "server-only";
import { db } from "../db/client";
import { err, ok, type TResult } from "../result";
import type { TStateCode } from "../profile/states";
import type { TOperatorError } from "../errors";

export type TAssessmentSummary = {
  id: string;
  municipalityName: string;
  state: TStateCode;
  status: "draft" | "submitted";
  createdAt: Date;
  submittedAt: Date | null;
};

/** Who and when of one assessment, for the operator's confirmation before deleting (never its answers). */
export async function getAssessmentSummary(id: string): Promise<TResult<TAssessmentSummary, TOperatorError>> {
  const row = await db.assessment.findUnique({
    where: { id },
    select: { id: true, municipalityName: true, state: true, status: true, createdAt: true, submittedAt: true },
  });
  if (!row) return err({ kind: "assessment_gone" });
  return ok({ ...row, state: row.state as TStateCode, status: row.status === "submitted" ? "submitted" : "draft" });
}
