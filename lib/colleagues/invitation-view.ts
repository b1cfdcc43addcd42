import "server-only";
import { colleagueRoleLabel, SKIP, type TColleagueRole } from "./api-schemas";
import type { TInvitationRow } from "./lookup";

export type TInvitationView = {
  id: string;
  role: TColleagueRole;
  roleLabel: string;
  label: string | null;
  createdAt: string;
  answeredAt: string | null;
  revokedAt: string | null;
  status: "open" | "closed" | "revoked";
  answered: number;
  skipped: number;
};

/** An invitation as the lead sees it in the list (never its link: only the hash is stored). */
export function toInvitationView(
  row: Omit<TInvitationRow, "assessmentId" | "version">,
  answers: readonly { questionId: string; optionId: string }[],
  closed: boolean,
): TInvitationView {
  const questions = new Set(answers.map((a) => a.questionId));
  const skipped = new Set(answers.filter((a) => a.optionId === SKIP).map((a) => a.questionId));
  return {
    id: row.id,
    role: row.role as TColleagueRole,
    roleLabel: colleagueRoleLabel(row.role),
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: row.revokedAt ? "revoked" : closed ? "closed" : "open",
    answered: questions.size,
    skipped: skipped.size,
  };
}
