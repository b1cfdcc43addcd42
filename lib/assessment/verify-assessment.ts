import "server-only";
import { beginWrite, runExclusive } from "../db/exclusive";
import { db } from "../db/client";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { findAssessmentByToken } from "./find-assessment";
import { refreshPeerPool } from "../peer-pool/refresh-peer-pool";
import type { TRegisterItem } from "../municipalities/register";
import { redeemCode, verifiedProfile } from "../participation/redeem-code";

export type TVerified = { unit: TRegisterItem; version: number };

/**
 * Binds an existing assessment to the unit of a participation code (POST …/verify, the overview's form). Name,
 * state and population are taken from the register; a submitted assessment enters the peer pool of its unit
 * (and leaves the one it was filed under before). An assessment that was filed under another unit of the
 * register (a Gemeinde's code for its Amt, or the other way round) is refused: the respondent chose what they
 * answer for, and a code must not change that silently (docs/adr/0013-administrations-as-units.md).
 */
export function verifyAssessment(
  token: string,
  code: unknown,
  client: string,
): Promise<TResult<TVerified, TAssessmentError>> {
  return runExclusive(async () => {
    const assessment = await findAssessmentByToken(token);
    if (!assessment) return err({ kind: "assessment_not_found" });
    if (assessment.verified) return err({ kind: "already_verified", unitName: assessment.municipality.name });
    const now = new Date();
    return db.$transaction(async (tx) => {
      await beginWrite(tx);
      const redeemed = await redeemCode(tx, code, client, "code");
      if (!redeemed.ok) return redeemed;
      const { key } = assessment.municipality;
      if (key !== null && key !== redeemed.value.unit.key)
        return err({
          kind: "code_other_municipality",
          path: "code",
          codeUnit: redeemed.value.unit.name,
          givenUnit: assessment.municipality.name,
        } as const);
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
      return ok({ unit: redeemed.value.unit, version: assessment.version + 1 });
    });
  });
}
