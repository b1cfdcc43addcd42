import "server-only";
import { refreshPeerPool } from "../peer-pool/refresh-peer-pool";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import type { TOperatorError } from "../errors";
import type { TAuditActor } from "../audit/actions";
import { recordAudit } from "../audit/record";

/**
 * Approves an assessment for the peer statistics, or revokes the approval. Only with
 * PEERS_REQUIRE_APPROVAL does approval decide anything; the flag is kept either way, so that
 * switching the setting on later does not drop what was already approved.
 */
export function setPeerApproval(
  id: string,
  approved: boolean,
  actor: TAuditActor,
  now = new Date(),
): Promise<TResult<{ peerApproved: boolean }, TOperatorError>> {
  return runExclusive(async () => {
    const found = await db.assessment.findUnique({
      where: { id },
      select: { municipalityKey: true, municipalityName: true },
    });
    if (!found) return err({ kind: "assessment_gone" });
    await db.$transaction(async (tx) => {
      await beginWrite(tx);
      await tx.assessment.update({ where: { id }, data: { peerApproved: approved } });
      // Bumps the pool version, so that cached peer cells are rebuilt.
      await refreshPeerPool(tx, found.municipalityKey);
      await recordAudit(
        tx,
        {
          actor,
          action: approved ? "peer_approved" : "peer_approval_revoked",
          count: 1,
          target: id,
          detail: found.municipalityName,
        },
        now,
      );
    });
    return ok({ peerApproved: approved });
  });
}
