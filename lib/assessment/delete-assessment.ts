import "server-only";
import { beginWrite, runExclusive } from "../db/exclusive";
import { db } from "../db/client";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { findByToken } from "./find-by-token";
import { refreshPeerPool } from "../peer-pool/refresh-peer-pool";
import type { Prisma } from "../generated/prisma/client";

/** What "Daten löschen" removes: the newest year (the link's) or every year of the chain. */
export type TDeleteScope = "latest" | "all";

/**
 * Deletes one year of a chain (its answers and targets go with it); if it held the chain's edit link, the link
 * passes back to the year before, which can be changed again and counts as a peer again. Used by "Daten
 * löschen" and by the operator's deletion.
 */
export async function deleteYear(
  tx: Prisma.TransactionClient,
  row: { id: string; tokenHash: string | null; previousId: string | null },
): Promise<void> {
  await tx.assessment.deleteMany({ where: { id: row.id } });
  if (row.tokenHash && row.previousId)
    await tx.assessment.updateMany({
      where: { id: row.previousId },
      data: { tokenHash: row.tokenHash, superseded: false, version: { increment: 1 } },
    });
}

/**
 * Deletes the newest assessment behind a link with its answers and targets; the link then passes back to
 * the year before (which can be changed again), or finds nothing if there is none. With scope "all" every
 * year of the chain goes. The peer figures lose the deleted submissions with the next release of their cell.
 * `linkKept`: the link still opens an assessment (the year before).
 */
export function deleteAssessment(
  token: string,
  scope: TDeleteScope = "latest",
): Promise<TResult<{ linkKept: boolean }, TAssessmentError>> {
  return runExclusive(async () => {
    const head = await findByToken(token, {
      select: { id: true, chainId: true, previousId: true, tokenHash: true, municipalityKey: true },
    });
    if (!head) return err({ kind: "assessment_not_found" });
    await db.$transaction(async (tx) => {
      await beginWrite(tx);
      if (scope === "all")
        await tx.assessment.deleteMany({ where: head.chainId ? { chainId: head.chainId } : { id: head.id } });
      else await deleteYear(tx, head);
      await refreshPeerPool(tx, head.municipalityKey);
    });
    return ok({ linkKept: scope === "latest" && head.previousId !== null });
  });
}
