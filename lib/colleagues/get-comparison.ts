import "server-only";
import { db } from "../db/client";
import { ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { rowsToAnswers } from "../survey/answer-rows";
import { colleagueRowsToAnswers, findLead, isExpired, roundOf, type TRoundView } from "./lookup";
import { buildComparison } from "./comparison-model";

export type TComparison = ReturnType<typeof buildComparison> & {
  round: TRoundView;
  version: number;
  status: "draft" | "submitted";
};

/** The comparison (the lead's link only): the lead's answers and those of every colleague not revoked. */
export async function getComparison(token: string, now = new Date()): Promise<TResult<TComparison, TAssessmentError>> {
  const lead = await findLead(token);
  if (!lead.ok) return lead;
  return ok(await comparisonOf(lead.value, now));
}

export async function comparisonOf(
  lead: { id: string; version: number; status: string; colleaguesClosedAt: Date | null },
  now: Date,
): Promise<TComparison> {
  const expired = isExpired(lead.colleaguesClosedAt, now);
  const [own, invitations] = await Promise.all([
    db.answer.findMany({ where: { assessmentId: lead.id }, select: { questionId: true, optionId: true } }),
    expired
      ? Promise.resolve([])
      : db.colleagueInvitation.findMany({
          where: { assessmentId: lead.id, revokedAt: null },
          select: { id: true, role: true, label: true, answers: { select: { questionId: true, optionId: true } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
  ]);
  return {
    ...buildComparison(
      rowsToAnswers(own),
      invitations.map((i) => ({ id: i.id, role: i.role, label: i.label, answers: colleagueRowsToAnswers(i.answers) })),
    ),
    round: roundOf(lead.colleaguesClosedAt),
    version: lead.version,
    status: lead.status === "submitted" ? "submitted" : "draft",
  };
}
