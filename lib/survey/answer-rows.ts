import { reference } from "./reference";
import type { TAnswers } from "./answer-schema";

/**
 * Rows of the Answer table back to the answers object: one option id for a single-choice
 * question, the chosen ids in the file's option order for a multi-choice question.
 * Rows that the current reference no longer knows are left out.
 */
export function rowsToAnswers(rows: { questionId: string; optionId: string }[]): TAnswers {
  const chosen = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!chosen.has(r.questionId)) chosen.set(r.questionId, new Set());
    chosen.get(r.questionId)!.add(r.optionId);
  }
  const answers: TAnswers = {};
  for (const q of reference.questions) {
    const ids = chosen.get(q.id);
    if (!ids) continue;
    const ordered = q.options.map((o) => o.id).filter((id) => ids.has(id));
    if (ordered.length === 0) continue;
    answers[q.id] = q.type === "single" ? ordered[0]! : ordered;
  }
  return answers;
}
