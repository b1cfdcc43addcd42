import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import { generateToken, hashToken } from "../security/token";
import type { TAssessmentError } from "../errors";
import { colleagueRoleLabel, MAX_INVITATIONS, type TColleagueRole } from "./api-schemas";
import { findLead } from "./lookup";
import { previousRoles } from "./list-rounds";

/**
 * A follow-up year invites the same roles (and labels) as the year before, each with a new link (the old links
 * belong to the old year). Only while this year has no invitation yet, so that pressing twice invites nobody twice.
 */
export function reinviteRoles(
  token: string,
  now = new Date(),
): Promise<
  TResult<{ token: string; role: TColleagueRole; roleLabel: string; label: string | null }[], TAssessmentError>
> {
  return runExclusive(async () => {
    const lead = await findLead(token);
    if (!lead.ok) return lead;
    if (lead.value.colleaguesClosedAt) return err({ kind: "round_closed", who: "lead" });
    const roles = (await previousRoles(lead.value.previousId)).slice(0, MAX_INVITATIONS);
    const created = roles.map((r) => ({ ...r, token: generateToken() }));
    const done = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      if ((await tx.colleagueInvitation.count({ where: { assessmentId: lead.value.id } })) > 0) return false;
      await tx.colleagueInvitation.createMany({
        data: created.map((c, i) => ({
          id: randomUUID(),
          assessmentId: lead.value.id,
          tokenHash: hashToken(c.token),
          role: c.role,
          label: c.label,
          // One millisecond apart, so that the list keeps last year's order.
          createdAt: new Date(now.getTime() + i),
        })),
      });
      return true;
    });
    if (!done) return ok([]);
    return ok(
      created.map((c) => ({
        token: c.token,
        role: c.role as TColleagueRole,
        roleLabel: colleagueRoleLabel(c.role),
        label: c.label,
      })),
    );
  });
}
