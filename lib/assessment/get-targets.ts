import "server-only";
import { db } from "../db/client";
import type { TTargets } from "../benchmark/targets";

/** Target rows as the targets object, by question id. */
export const toTargets = (
  rows: { questionId: string; optionId: string; year: number; responsible: string }[],
): TTargets =>
  Object.fromEntries(rows.map((r) => [r.questionId, { option: r.optionId, year: r.year, responsible: r.responsible }]));

/** The targets of an assessment, by question id. */
export async function getTargets(assessmentId: string): Promise<TTargets> {
  return toTargets(await db.target.findMany({ where: { assessmentId } }));
}
