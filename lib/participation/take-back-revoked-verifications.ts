import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { BATCH } from "./batch";

/**
 * Takes back the verification of every assessment verified with a revoked code of the unit (`unitKey`), or of
 * any unit when null (npm run peers:refresh, for codes revoked before this rule): it is unverified again, so
 * that the new code can be entered on it, and the overview, the operator's list and the peer pool all say the
 * same. `codeRevokedAt` keeps when it happened; the version moves, so no cached page shows the old state.
 */
export async function takeBackRevokedVerifications(
  tx: Prisma.TransactionClient,
  unitKey: string | null,
  now: Date,
): Promise<number> {
  const ids = (
    await tx.participationCode.findMany({
      where: { status: "revoked", ...(unitKey ? { unitKey } : {}) },
      select: { id: true },
    })
  ).map((c) => c.id);
  let count = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const res = await tx.assessment.updateMany({
      where: { verifiedCodeId: { in: ids.slice(i, i + BATCH) } },
      data: { verifiedCodeId: null, verifiedAt: null, codeRevokedAt: now, version: { increment: 1 } },
    });
    count += res.count;
  }
  return count;
}
