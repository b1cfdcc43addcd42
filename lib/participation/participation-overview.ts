import "server-only";
import { db } from "../db/client";
import { getUnits } from "../municipalities/register";
import { STATES, getStateByAgsPrefix, type TStateCode } from "../profile/states";

export type TParticipationRow = {
  state: TStateCode;
  /** Units of the register (administrations: docs/adr/0013-administrations-as-units.md). */
  total: number;
  /** With a code that was not revoked. */
  invited: number;
  /** With at least one assessment verified by a code. */
  verified: number;
  /** Counting in the peer pool now (their latest verified submission). */
  submitted: number;
};

/** Per state: units invited, verified and submitted (/betrieb/teilnahme). Counts only, no names. */
export async function getParticipationOverview(): Promise<TParticipationRow[]> {
  const rows = new Map<TStateCode, TParticipationRow>(
    STATES.map((s) => [s.code, { state: s.code, total: 0, invited: 0, verified: 0, submitted: 0 }]),
  );
  for (const u of getUnits()) rows.get(u.state)!.total += 1;
  const byKey = (key: string | null) => (key ? rows.get(getStateByAgsPrefix(key) as TStateCode) : undefined);

  const invited = await db.participationCode.findMany({
    where: { status: { in: ["active", "replaced"] } },
    select: { unitKey: true },
    distinct: ["unitKey"],
  });
  for (const c of invited) {
    const row = byKey(c.unitKey);
    if (row) row.invited += 1;
  }
  const verified = await db.assessment.findMany({
    where: { verifiedCodeId: { not: null } },
    select: { unitKey: true },
    distinct: ["unitKey"],
  });
  for (const a of verified) {
    const row = byKey(a.unitKey);
    if (row) row.verified += 1;
  }
  const counting = await db.peerMember.groupBy({ by: ["state"], _count: { _all: true } });
  for (const c of counting) {
    const row = rows.get(c.state as TStateCode);
    if (row) row.submitted += c._count._all;
  }
  return [...rows.values()];
}
