import "server-only";
import { toAssessmentView, type TAssessmentView } from "./assessment-view";
import { findByToken } from "./find-by-token";

/** The assessment behind an edit token as the pages and the API see it, or null for a malformed or unknown token. */
export async function findAssessmentByToken(token: string): Promise<TAssessmentView | null> {
  const row = await findByToken(token, { include: { answers: true } });
  return row ? toAssessmentView(row) : null;
}
