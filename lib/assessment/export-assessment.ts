import "server-only";
import { db } from "../db/client";
import { hashToken, isWellFormedToken } from "../security/token";
import { reference } from "../survey/reference";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "./errors";
import { rowsToAnswers } from "./assessment-view";

/**
 * Everything stored about one assessment (GDPR Art. 15/20), as JSON: profile, answers with their
 * labels, status and timestamps, and which bookkeeping fields exist. The token hash is omitted (it is
 * derived from the link the owner already has).
 */
export async function exportAssessment(token: string, now: Date): Promise<TResult<Record<string, unknown>, TAssessmentError>> {
  if (!isWellFormedToken(token)) return err({ kind: "assessment_not_found" });
  const row = await db.assessment.findUnique({ where: { tokenHash: hashToken(token) }, include: { answers: true } });
  if (!row) return err({ kind: "assessment_not_found" });
  const answers = rowsToAnswers(row.answers);
  return ok({
    exportedAt: now.toISOString(),
    note: "Alle Daten, die der Kommunale Digitalcheck zu dieser Selbsteinschätzung gespeichert hat.",
    assessment: {
      id: row.id,
      status: row.status,
      version: row.version,
      referenceId: row.referenceId,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      respondentRole: row.respondentRole,
      municipality: {
        name: row.municipalityName,
        state: row.state,
        population: row.population,
        sizeClass: row.sizeClass,
        ags: row.ags,
        agsGebietsstand: row.agsGebietsstand,
      },
      peerStatistics: {
        countsAsPeer: row.peerCurrent && !row.excludedFromPeers,
        excludedByOperator: row.excludedFromPeers,
        approvedByOperator: row.peerApproved,
        indexScore: row.indexScore,
      },
    },
    answers: reference.questions
      .filter((q) => answers[q.id] !== undefined)
      .map((q) => {
        const ids = ([] as string[]).concat(answers[q.id]!);
        return { questionId: q.id, question: q.text, answer: answers[q.id], labels: q.options.filter((o) => ids.includes(o.id)).map((o) => o.label) };
      }),
  });
}
