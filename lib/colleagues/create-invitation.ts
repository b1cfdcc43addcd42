import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import { generateToken, hashToken } from "../security/token";
import { toFieldIssues } from "../validation/zod-de";
import type { TAssessmentError } from "../errors";
import { MAX_INVITATIONS, MAX_INVITATIONS_TOTAL, ZCreateInvitationRequest } from "./api-schemas";
import { findLead } from "./lookup";
import { toInvitationView, type TInvitationView } from "./invitation-view";

/**
 * Invites a colleague (the lead's link only): a new random link of their own, stored as its hash, with a role
 * and an optional label. At most MAX_INVITATIONS active at once; none once the round is closed.
 */
export function createInvitation(
  token: string,
  input: unknown,
  now = new Date(),
): Promise<TResult<TInvitationView & { token: string }, TAssessmentError>> {
  return runExclusive(async () => {
    const parsed = ZCreateInvitationRequest.safeParse(input);
    const lead = await findLead(token);
    if (!lead.ok) return lead;
    if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
    if (lead.value.colleaguesClosedAt) return err({ kind: "round_closed", who: "lead" });
    const colleagueToken = generateToken();
    const label = parsed.data.label ? parsed.data.label : null;
    const created = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      const active = await tx.colleagueInvitation.count({ where: { assessmentId: lead.value.id, revokedAt: null } });
      if (active >= MAX_INVITATIONS) return { refused: { max: MAX_INVITATIONS, total: false }, row: null };
      const total = await tx.colleagueInvitation.count({ where: { assessmentId: lead.value.id } });
      if (total >= MAX_INVITATIONS_TOTAL) return { refused: { max: MAX_INVITATIONS_TOTAL, total: true }, row: null };
      const row = await tx.colleagueInvitation.create({
        data: {
          id: randomUUID(),
          assessmentId: lead.value.id,
          tokenHash: hashToken(colleagueToken),
          role: parsed.data.role,
          label,
          createdAt: now,
        },
      });
      return { refused: null, row };
    });
    if (created.refused)
      return err({ kind: "invitation_limit", max: created.refused.max, total: created.refused.total });
    return ok({ ...toInvitationView(created.row!, [], false), token: colleagueToken });
  });
}
