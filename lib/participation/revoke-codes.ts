import "server-only";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import { findItem } from "../municipalities/register";
import { refreshPeerPool } from "../peer-pool/refresh-peer-pool";
import { municipalityKey } from "../peers/municipality-key";
import { err, ok, type TResult } from "../result";
import type { TCodeError } from "../errors";
import { takeBackRevokedVerifications } from "./take-back-revoked-verifications";
import { isUnitKey } from "../validation/keys";
import type { TAuditActor } from "../audit/actions";
import { recordAudit } from "../audit/record";

/**
 * Revokes every code of a unit: none can be entered any more, the assessments verified with them are unverified
 * again (the unit enters its new code on them) and leave the peer figures with the next release of their cell.
 * Returns how many codes were revoked, how many assessments lost their verification, and the unit's name.
 */
export function revokeCodes(
  key: string,
  now: Date,
  actor: TAuditActor,
): Promise<TResult<{ revoked: number; unverified: number; name: string }, TCodeError>> {
  return runExclusive(async () => {
    if (!isUnitKey(key))
      return err({
        kind: "invalid_selection",
        issues: [{ path: "key", message: "Ein Schlüssel hat 8 Ziffern (Gemeinde) oder 9 Ziffern (Gemeindeverband)." }],
      });
    const unit = findItem(key);
    const { revoked, unverified } = await db.$transaction(async (tx) => {
      const res = await tx.participationCode.updateMany({
        where: { unitKey: key, status: { in: ["active", "replaced"] } },
        data: { status: "revoked", revokedAt: now },
      });
      const unverified = await takeBackRevokedVerifications(tx, key, now);
      if ((res.count > 0 || unverified > 0) && unit)
        await refreshPeerPool(tx, municipalityKey({ unitKey: unit.key, name: unit.name, state: unit.state }), now);
      await recordAudit(
        tx,
        {
          actor,
          action: "codes_revoked",
          count: res.count,
          target: unit ? `${key} ${unit.name}` : key,
          detail: `Bestätigungen zurückgenommen: ${unverified}`,
        },
        now,
      );
      return { revoked: res.count, unverified };
    });
    return ok({ revoked, unverified, name: unit?.name ?? key });
  });
}
