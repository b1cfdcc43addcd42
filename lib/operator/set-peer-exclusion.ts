import "server-only";
import { refreshPeerPool } from "../peer-pool/refresh-peer-pool";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import type { TOperatorError } from "../errors";
import type { TAuditActor } from "../audit/actions";
import { recordAudit } from "../audit/record";

/**
 * Excludes an assessment from the peer statistics, or includes it again. An excluded latest
 * submission takes its municipality out of the statistics altogether: an older submission of the
 * same municipality does not step in (only the latest counts, see refreshPeerPool).
 */
export function setPeerExclusion(
  id: string,
  excluded: boolean,
  actor: TAuditActor,
  now = new Date(),
): Promise<TResult<{ excludedFromPeers: boolean }, TOperatorError>> {
  return runExclusive(async () => {
    const found = await db.assessment.findUnique({
      where: { id },
      select: { municipalityKey: true, municipalityName: true },
    });
    if (!found) return err({ kind: "assessment_gone" });
    await db.$transaction(async (tx) => {
      await beginWrite(tx);
      await tx.assessment.update({ where: { id }, data: { excludedFromPeers: excluded } });
      // Bumps the pool version, so that cached peer cells are rebuilt.
      await refreshPeerPool(tx, found.municipalityKey);
      await recordAudit(
        tx,
        {
          actor,
          action: excluded ? "peer_excluded" : "peer_included",
          count: 1,
          target: id,
          detail: found.municipalityName,
        },
        now,
      );
    });
    return ok({ excludedFromPeers: excluded });
  });
}
