import "server-only";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { findLead } from "./lookup";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Revokes an invitation (the lead's link only): its link answers no more and its answers are deleted at once; the
 * row stays, marked, so that the list shows it. Revoking twice is no error.
 */
export function revokeInvitation(
  token: string,
  invitationId: string,
  now = new Date(),
): Promise<TResult<{ revoked: true }, TAssessmentError>> {
  return runExclusive(async () => {
    const lead = await findLead(token);
    if (!lead.ok) return lead;
    // Only a UUID can name an invitation; anything else (a NUL byte PostgreSQL cannot even hold) names none.
    if (!UUID.test(invitationId)) return err({ kind: "invitation_not_found" });
    const found = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      const row = await tx.colleagueInvitation.findFirst({
        where: { id: invitationId, assessmentId: lead.value.id },
        select: { id: true, revokedAt: true },
      });
      if (!row) return false;
      await tx.colleagueAnswer.deleteMany({ where: { invitationId: row.id } });
      if (!row.revokedAt)
        await tx.colleagueInvitation.update({
          where: { id: row.id },
          data: { revokedAt: now, version: { increment: 1 } },
        });
      return true;
    });
    return found ? ok({ revoked: true as const }) : err({ kind: "invitation_not_found" });
  });
}
