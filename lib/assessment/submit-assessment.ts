import "server-only";
import { beginWrite, runExclusive } from "../db/exclusive";
import { db } from "../db/client";
import { findUnanswered } from "../survey/answer-schema";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { findAssessmentByToken } from "./find-assessment";
import { refreshPeerPool } from "../peer-pool/refresh-peer-pool";
import { computeIndex } from "../benchmark/scoring";
import { reference } from "../survey/reference";
import { answerRowsOf, contentHash } from "../peers/content";
import type { Prisma } from "../generated/prisma/client";

/** Submits a complete draft; an already submitted assessment stays submitted (idempotent). */
export function submitAssessment(
  token: string,
): Promise<TResult<{ status: "submitted"; version: number }, TAssessmentError>> {
  return runExclusive(() => submitAssessmentUnlocked(token));
}

async function submitAssessmentUnlocked(
  token: string,
): Promise<TResult<{ status: "submitted"; version: number }, TAssessmentError>> {
  const assessment = await findAssessmentByToken(token);
  if (!assessment) return err({ kind: "assessment_not_found" });
  if (assessment.status === "submitted") return ok({ status: "submitted", version: assessment.version });
  const unanswered = findUnanswered(assessment.answers);
  if (unanswered.length > 0) return err({ kind: "incomplete", unanswered });
  const indexScore = computeIndex(reference, assessment.answers).score;
  const content = contentHash({
    referenceId: assessment.referenceId,
    answers: answerRowsOf(assessment.answers),
    indexScore,
  });
  const updated = await db.$transaction(async (tx) => {
    await beginWrite(tx);
    const res = await tx.assessment.updateMany({
      where: { id: assessment.id, version: assessment.version },
      data: {
        status: "submitted",
        submittedAt: new Date(),
        version: { increment: 1 },
        indexScore,
        contentHash: content,
        peerApproved: await keepsApproval(tx, assessment, content),
      },
    });
    if (res.count === 1) {
      // Once a later year is submitted, the years before never count as peers again (issue 19).
      await tx.assessment.updateMany({
        where: { chainId: assessment.chainId, id: { not: assessment.id }, superseded: false },
        data: { superseded: true },
      });
      await refreshPeerPool(tx, assessment.municipalityKey);
    }
    return res.count;
  });
  if (updated !== 1) return err({ kind: "stale_version", currentVersion: assessment.version });
  return ok({ status: "submitted", version: assessment.version + 1 });
}

/**
 * Where approval is required, a submission needs a new approval when its answers changed; unchanged answers
 * (a reopen without change, a follow-up taken over as it was) keep the approval of the submission they repeat,
 * since only content counts (docs/adr/0005).
 */
async function keepsApproval(
  tx: Prisma.TransactionClient,
  assessment: { id: string; previousId: string | null },
  content: string,
): Promise<boolean> {
  const own = await tx.assessment.findUnique({
    where: { id: assessment.id },
    select: { contentHash: true, peerApproved: true },
  });
  // Submitted before (then reopened): its own last content; a first submission: the year before.
  const source =
    own?.contentHash != null
      ? own
      : assessment.previousId
        ? await tx.assessment.findUnique({
            where: { id: assessment.previousId },
            select: { contentHash: true, peerApproved: true },
          })
        : null;
  return source !== null && source.contentHash === content && source.peerApproved;
}
