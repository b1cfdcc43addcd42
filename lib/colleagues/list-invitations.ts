import "server-only";
import { db } from "../db/client";
import { ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { MAX_INVITATIONS } from "./api-schemas";
import { findLead, roundOf, type TRoundView } from "./lookup";
import { toInvitationView, type TInvitationView } from "./invitation-view";
import { listRounds, type TRoundHistory } from "./list-rounds";

/** The lead's list of invitations (oldest first) and the state of the round. */
export async function listInvitations(
  token: string,
): Promise<
  TResult<{ round: TRoundView; limit: number; items: TInvitationView[]; rounds: TRoundHistory[] }, TAssessmentError>
> {
  const lead = await findLead(token);
  if (!lead.ok) return lead;
  const rows = await db.colleagueInvitation.findMany({
    where: { assessmentId: lead.value.id },
    include: { answers: { select: { questionId: true, optionId: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const closed = lead.value.colleaguesClosedAt !== null;
  return ok({
    round: roundOf(lead.value.colleaguesClosedAt),
    limit: MAX_INVITATIONS,
    items: rows.map((r) => toInvitationView(r, r.answers, closed)),
    rounds: await listRounds(lead.value),
  });
}
