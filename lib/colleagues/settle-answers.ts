import "server-only";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import { toFieldIssues, type TFieldIssue } from "../validation/zod-de";
import type { TAssessmentError } from "../errors";
import { getValueSchema } from "../survey/answer-schema";
import { answerKey } from "../benchmark/disagreement";
import { ZSettleRequest } from "./api-schemas";
import { findLead } from "./lookup";
import { comparisonOf } from "./get-comparison";

/**
 * Settles questions (the lead's link only): per question the answer to take, which must be an answer of the
 * question and one that somebody in the round gave (a colleague, the most frequent, or the lead's own). The settled
 * answers become the assessment's own answers: only they are submitted, benchmarked and count as peers. All or
 * nothing: one refused question changes nothing. Version and state as in the lead's save (409).
 */
export function settleAnswers(
  token: string,
  input: unknown,
  now = new Date(),
): Promise<TResult<{ version: number; settled: string[] }, TAssessmentError>> {
  return runExclusive(async () => {
    const lead = await findLead(token);
    if (!lead.ok) return lead;
    const parsed = ZSettleRequest.safeParse(input);
    if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
    if (lead.value.status === "submitted") return err({ kind: "assessment_submitted" });
    const comparison = await comparisonOf(lead.value, now);
    const byQuestion = new Map(comparison.questions.map((q) => [q.questionId, q]));
    const issues: TFieldIssue[] = [];
    const rows: { assessmentId: string; questionId: string; optionId: string }[] = [];
    for (const [questionId, value] of Object.entries(parsed.data.answers)) {
      const path = `answers.${questionId}`;
      const question = byQuestion.get(questionId);
      const schema = getValueSchema(questionId);
      if (!question || !schema) {
        issues.push({ path, message: "Diese Frage gibt es nicht." });
        continue;
      }
      const valid = schema.safeParse(value);
      if (!valid.success) {
        issues.push({ path, message: "Diese Antwort gibt es bei dieser Frage nicht." });
        continue;
      }
      const given = question.groups.find((g) => answerKey(g.value) === answerKey(normalise(g.value, value)));
      if (!given) {
        issues.push({
          path,
          message:
            "Diese Antwort hat in Ihrer Runde niemand gegeben. Bitte übernehmen Sie eine der gegebenen Antworten.",
        });
        continue;
      }
      for (const optionId of Array.isArray(given.value) ? given.value : [given.value])
        rows.push({ assessmentId: lead.value.id, questionId, optionId });
    }
    if (issues.length > 0) return err({ kind: "invalid_input", issues });
    const questionIds = Object.keys(parsed.data.answers);
    const saved = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      const bumped = await tx.assessment.updateMany({
        where: { id: lead.value.id, version: parsed.data.version, status: "draft" },
        data: { version: { increment: 1 } },
      });
      if (bumped.count !== 1) return false;
      if (questionIds.length > 0)
        await tx.answer.deleteMany({ where: { assessmentId: lead.value.id, questionId: { in: questionIds } } });
      if (rows.length > 0) await tx.answer.createMany({ data: rows });
      return true;
    });
    if (!saved) return err({ kind: "stale_version", currentVersion: lead.value.version });
    return ok({ version: parsed.data.version + 1, settled: questionIds });
  });
}

/** A multi-choice answer in the order of the group it is compared with (the same options in any order match). */
function normalise(groupValue: string | string[], value: string | string[]): string | string[] {
  if (!Array.isArray(groupValue) || !Array.isArray(value)) return value;
  const order = new Map(groupValue.map((id, i) => [id, i]));
  return [...value].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99));
}
