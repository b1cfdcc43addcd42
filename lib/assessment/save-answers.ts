import "server-only";
import { runExclusive } from "../db/exclusive";
import { z } from "zod";
import { db } from "../db/client";
import { ZAnswersPatch } from "../survey/answer-schema";
import { toFieldIssues } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "./errors";
import { findAssessmentRef } from "./find-assessment";

export const ZSaveAnswersRequest = z.strictObject(
  {
    version: z
      .number({ error: "Die Versionsnummer (version) fehlt oder ist keine Zahl." })
      .int("Die Versionsnummer muss eine ganze Zahl sein.")
      .min(1, "Die Versionsnummer muss mindestens 1 sein."),
    answers: ZAnswersPatch,
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekanntes Feld: ${iss.keys.join(", ")}` : "Erwartet wird ein JSON-Objekt mit version und answers.") },
);

/**
 * Saves a partial set of answers (only the questions sent change; null clears one) if the
 * client's version is the stored one. Optimistic locking: a stale version changes nothing.
 */
export function saveAnswers(token: string, input: unknown): Promise<TResult<{ version: number }, TAssessmentError>> {
  return runExclusive(() => saveAnswersUnlocked(token, input));
}

async function saveAnswersUnlocked(token: string, input: unknown): Promise<TResult<{ version: number }, TAssessmentError>> {
  const found = await findAssessmentRef(token);
  if (!found) return err({ kind: "assessment_not_found" });
  const parsed = ZSaveAnswersRequest.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
  const { version, answers } = parsed.data;
  if (found.status === "submitted") return err({ kind: "assessment_submitted" });
  if (found.version !== version) return err({ kind: "stale_version", currentVersion: found.version });

  const entries = Object.entries(answers).filter(([, v]) => v !== undefined);
  const rows = entries.flatMap(([questionId, value]) =>
    value == null ? [] : (Array.isArray(value) ? value : [value]).map((optionId: string) => ({ assessmentId: found.id, questionId, optionId })),
  );
  const next = await db.$transaction(async (tx) => {
    // The version guard in the WHERE clause makes the check-and-write atomic across requests.
    const bumped = await tx.assessment.updateMany({
      where: { id: found.id, version, status: "draft" },
      data: { version: { increment: 1 } },
    });
    if (bumped.count !== 1) return null;
    await tx.answer.deleteMany({ where: { assessmentId: found.id, questionId: { in: entries.map(([q]) => q) } } });
    if (rows.length > 0) await tx.answer.createMany({ data: rows });
    return version + 1;
  });
  if (next === null) {
    const current = await findAssessmentRef(token);
    if (!current) return err({ kind: "assessment_not_found" });
    if (current.status === "submitted") return err({ kind: "assessment_submitted" });
    return err({ kind: "stale_version", currentVersion: current.version });
  }
  return ok({ version: next });
}
