import "server-only";
import { db } from "../db/client";
import { berlinYear } from "../format/calendar";
import { colleagueRoleLabel } from "./api-schemas";

export type TRoundHistory = { year: number; answered: number; disputed: number };

/**
 * The history of the rounds of a chain (one unit's assessments year after year): per year how many colleagues
 * answered and on how many questions they disagreed, as kept when the round closed. Oldest first.
 */
export async function listRounds(lead: { id: string; chainId: string }): Promise<TRoundHistory[]> {
  const rows = await db.assessment.findMany({
    where: { OR: [{ chainId: lead.chainId || lead.id }, { id: lead.id }], colleaguesClosedAt: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { createdAt: true, colleaguesAnswered: true, colleaguesDisputed: true },
  });
  return rows.map((r) => ({
    year: berlinYear(r.createdAt),
    answered: r.colleaguesAnswered ?? 0,
    disputed: r.colleaguesDisputed ?? 0,
  }));
}

/** The roles (and labels) invited in the year before, not revoked: what a follow-up can invite again. */
export async function previousRoles(
  previousId: string | null,
): Promise<{ role: string; roleLabel: string; label: string | null }[]> {
  if (!previousId) return [];
  const rows = await db.colleagueInvitation.findMany({
    where: { assessmentId: previousId, revokedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { role: true, label: true },
  });
  return rows.map((r) => ({ ...r, roleLabel: colleagueRoleLabel(r.role) }));
}
