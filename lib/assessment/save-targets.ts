import "server-only";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import { reference } from "../survey/reference";
import { rowsToAnswers } from "../survey/answer-rows";
import { validateTargets, type TTargets } from "../benchmark/targets";
import { toFieldIssues } from "../validation/zod-de";
import type { TAssessmentError } from "../errors";
import { berlinYear } from "../format/calendar";
import { ZTargetsRequest } from "./api-schemas";
import { findByToken } from "./find-by-token";
import { toTargets } from "./get-targets";

/**
 * PUT …/targets: replaces the targets of the newest assessment at the sent version (also once submitted:
 * a plan can change after the answers are final). Each target must lie above today's answer, in this
 * year or up to ten years ahead.
 */
export function saveTargets(
  token: string,
  input: unknown,
  now = new Date(),
): Promise<TResult<{ version: number }, TAssessmentError>> {
  return runExclusive(async () => {
    const parsed = ZTargetsRequest.safeParse(input);
    if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
    const head = await findByToken(token, {
      select: { id: true, version: true, answers: { select: { questionId: true, optionId: true } }, targets: true },
    });
    if (!head) return err({ kind: "assessment_not_found" });
    const targets: TTargets = parsed.data.targets;
    const year = berlinYear(now);
    const issues = validateTargets(reference, rowsToAnswers(head.answers), targets, year, toTargets(head.targets));
    if (issues.length > 0) return err({ kind: "invalid_input", issues });
    const saved = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      const res = await tx.assessment.updateMany({
        where: { id: head.id, version: parsed.data.version },
        data: { version: { increment: 1 } },
      });
      if (res.count !== 1) return false;
      await tx.target.deleteMany({ where: { assessmentId: head.id } });
      const rows = Object.entries(targets).map(([questionId, t]) => ({
        assessmentId: head.id,
        questionId,
        optionId: t.option,
        year: t.year,
        responsible: t.responsible,
      }));
      if (rows.length > 0) await tx.target.createMany({ data: rows });
      return true;
    });
    if (!saved) return err({ kind: "stale_version", currentVersion: head.version });
    return ok({ version: parsed.data.version + 1 });
  });
}
