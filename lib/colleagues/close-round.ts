import "server-only";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { findLead, roundOf, type TRoundView } from "./lookup";
import { comparisonOf } from "./get-comparison";

/**
 * Closes the round (the lead's link only): colleagues' links read only from now on and expire 30 days later. How
 * many colleagues answered and how many questions were disputed is kept on the assessment for the history. Closing
 * a closed round changes nothing.
 */
export function closeRound(token: string, now = new Date()): Promise<TResult<{ round: TRoundView }, TAssessmentError>> {
  return runExclusive(async () => {
    const lead = await findLead(token);
    if (!lead.ok) return lead;
    if (lead.value.colleaguesClosedAt) return ok({ round: roundOf(lead.value.colleaguesClosedAt) });
    const comparison = await comparisonOf(lead.value, now);
    await db.$transaction(async (tx) => {
      await beginWrite(tx);
      await tx.assessment.updateMany({
        where: { id: lead.value.id, colleaguesClosedAt: null },
        data: {
          colleaguesClosedAt: now,
          colleaguesAnswered: comparison.answered,
          colleaguesDisputed: comparison.disputed,
        },
      });
    });
    return ok({ round: roundOf(now) });
  });
}
