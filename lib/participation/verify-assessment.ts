import "server-only";
import { beginWrite, runExclusive } from "../db/exclusive";
import { db } from "../db/client";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../assessment/errors";
import { findAssessmentByToken } from "../assessment/find-assessment";
import { refreshPeerPool } from "../assessment/refresh-peer-pool";
import { redeemCode, verifiedProfile } from "./redeem-code";

export type TVerified = { ags: string; municipalityName: string; version: number };

/**
 * Binds an existing assessment to the municipality of a participation code (POST …/verify, the overview's
 * form). Name, state and population are taken from the register; a submitted assessment enters the peer
 * pool of its municipality (and leaves the one it was filed under before).
 */
export function verifyAssessment(
  token: string,
  code: unknown,
  client: string,
): Promise<TResult<TVerified, TAssessmentError>> {
  return runExclusive(async () => {
    const assessment = await findAssessmentByToken(token);
    if (!assessment) return err({ kind: "assessment_not_found" });
    if (assessment.verified) return err({ kind: "already_verified", ags: assessment.municipality.ags ?? "" });
    const now = new Date();
    return db.$transaction(async (tx) => {
      await beginWrite(tx);
      const redeemed = await redeemCode(tx, code, client, "code");
      if (!redeemed.ok) return redeemed;
      const profile = verifiedProfile(redeemed.value, now);
      await tx.assessment.update({
        where: { id: assessment.id },
        data: { ...profile, version: { increment: 1 } },
      });
      if (assessment.status === "submitted") {
        await refreshPeerPool(tx, assessment.municipalityKey, now);
        if (profile.municipalityKey !== assessment.municipalityKey)
          await refreshPeerPool(tx, profile.municipalityKey, now);
      }
      return ok({ ags: profile.ags, municipalityName: profile.municipalityName, version: assessment.version + 1 });
    });
  });
}
