import "server-only";
import { db } from "../db/client";
import { getRegister } from "../municipalities/register";
import { STATES, getStateByAgsPrefix, type TStateCode } from "../profile/states";

export type TParticipationRow = {
  state: TStateCode;
  /** Municipalities of the register. */
  total: number;
  /** With a code that was not revoked. */
  invited: number;
  /** With at least one assessment verified by a code. */
  verified: number;
  /** Counting in the peer pool now (their latest verified submission). */
  submitted: number;
};

/** Per state: municipalities invited, verified and submitted (/betrieb/teilnahme). Counts only, no names. */
export async function getParticipationOverview(): Promise<TParticipationRow[]> {
  const rows = new Map<TStateCode, TParticipationRow>(
    STATES.map((s) => [s.code, { state: s.code, total: 0, invited: 0, verified: 0, submitted: 0 }]),
  );
  for (const r of getRegister().rows) rows.get(r.state)!.total += 1;
  const byAgs = (ags: string | null) => (ags ? rows.get(getStateByAgsPrefix(ags) as TStateCode) : undefined);

  const invited = await db.participationCode.findMany({
    where: { status: { in: ["active", "replaced"] } },
    select: { ags: true },
    distinct: ["ags"],
  });
  for (const c of invited) {
    const row = byAgs(c.ags);
    if (row) row.invited += 1;
  }
  const verified = await db.assessment.findMany({
    where: { verifiedCodeId: { not: null } },
    select: { ags: true },
    distinct: ["ags"],
  });
  for (const a of verified) {
    const row = byAgs(a.ags);
    if (row) row.verified += 1;
  }
  const counting = await db.peerMember.groupBy({ by: ["state"], _count: { _all: true } });
  for (const c of counting) {
    const row = rows.get(c.state as TStateCode);
    if (row) row.submitted += c._count._all;
  }
  return [...rows.values()];
}
