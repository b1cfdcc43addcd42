import "server-only";
import { db } from "../db/client";
import { hashToken, isWellFormedToken } from "../security/token";
import { toAssessmentView, type TAssessmentView } from "./assessment-view";

/** The assessment behind an edit token, or null for a malformed or unknown token. */
export async function findAssessmentByToken(token: string): Promise<TAssessmentView | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.assessment.findUnique({ where: { tokenHash: hashToken(token) }, include: { answers: true } });
  return row ? toAssessmentView(row) : null;
}

/** Only the id and state needed by the write use cases. */
export async function findAssessmentRef(token: string) {
  if (!isWellFormedToken(token)) return null;
  return db.assessment.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, status: true, version: true, municipalityKey: true },
  });
}
