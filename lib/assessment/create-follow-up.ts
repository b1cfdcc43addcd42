import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import { REFERENCE_ID } from "../survey/reference";
import type { TAssessmentError } from "../errors";
import { editPath } from "./paths";
import { findByToken } from "./find-by-token";
import { chainKeyOf } from "./load-chain";

export type TFollowUp = { id: string };

/**
 * "Neue Selbsteinschätzung beginnen": a new draft for the same municipality (same profile, AGS and
 * verification), with the answers and targets of the year before; each answer is marked as taken over
 * until it is saved again. The link passes to the new draft. Refused while the newest is a draft.
 */
export function createFollowUp(token: string): Promise<TResult<TFollowUp, TAssessmentError>> {
  return runExclusive(async () => {
    const head = await findByToken(token, {
      include: { answers: { select: { questionId: true, optionId: true } }, targets: true },
    });
    if (!head) return err({ kind: "assessment_not_found" });
    if (head.status !== "submitted") return err({ kind: "draft_open", editPath: editPath(token) });
    const id = randomUUID();
    const moved = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      // The guard: only one follow-up can take the link from this assessment.
      const res = await tx.assessment.updateMany({
        where: { id: head.id, tokenHash: head.tokenHash, status: "submitted" },
        data: { tokenHash: null },
      });
      if (res.count !== 1) return false;
      await tx.assessment.create({
        data: {
          id,
          tokenHash: head.tokenHash,
          chainId: chainKeyOf(head),
          previousId: head.id,
          status: "draft",
          referenceId: REFERENCE_ID,
          municipalityName: head.municipalityName,
          state: head.state,
          population: head.population,
          sizeClass: head.sizeClass,
          ags: head.ags,
          agsGebietsstand: head.agsGebietsstand,
          respondentRole: head.respondentRole,
          municipalityKey: head.municipalityKey,
          isDemo: head.isDemo,
          verifiedCodeId: head.verifiedCodeId,
          verifiedAt: head.verifiedAt,
        },
      });
      if (!head.chainId) await tx.assessment.update({ where: { id: head.id }, data: { chainId: head.id } });
      if (head.answers.length > 0)
        await tx.answer.createMany({
          data: head.answers.map((a) => ({
            assessmentId: id,
            questionId: a.questionId,
            optionId: a.optionId,
            carriedOver: true,
          })),
        });
      if (head.targets.length > 0)
        await tx.target.createMany({
          data: head.targets.map(({ questionId, optionId, year, responsible }) => ({
            assessmentId: id,
            questionId,
            optionId,
            year,
            responsible,
          })),
        });
      return true;
    });
    if (!moved) return err({ kind: "draft_open", editPath: editPath(token) });
    return ok({ id });
  });
}
