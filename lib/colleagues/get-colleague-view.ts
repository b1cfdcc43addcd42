import "server-only";
import { ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { colleagueRoleLabel, type TColleagueRole } from "./api-schemas";
import { findInvitation, roundOf } from "./lookup";

export type TColleagueView = {
  role: TColleagueRole;
  roleLabel: string;
  label: string | null;
  unitName: string;
  status: "open" | "closed";
  expiresAt: string | null;
  version: number;
  answers: Record<string, string | string[]>;
};

/** What a colleague's own link shows: the unit's name, their role and their own answers; nobody else's. */
export async function getColleagueView(
  token: string,
  now = new Date(),
): Promise<TResult<TColleagueView, TAssessmentError>> {
  const found = await findInvitation(token, now);
  if (!found.ok) return found;
  const { invitation, closedAt, unitName, answers } = found.value;
  const round = roundOf(closedAt);
  return ok({
    role: invitation.role as TColleagueRole,
    roleLabel: colleagueRoleLabel(invitation.role),
    label: invitation.label,
    unitName,
    status: round.status,
    expiresAt: round.expiresAt,
    version: invitation.version,
    answers,
  });
}
