import "server-only";
import { db } from "../db/client";
import { findItem, type TRegisterItem } from "../municipalities/register";
import { isUnitKey } from "../validation/keys";

export type TRevokePreview =
  { ok: true; unit: TRegisterItem; codes: number; verified: number } | { ok: false; message: string };

/**
 * What "Codes sperren" would do for a key, for the confirmation step: the unit it names, how many of its codes
 * are still valid or replaced, and how many assessments verified with them would lose their verification.
 */
export async function previewRevoke(key: string): Promise<TRevokePreview> {
  if (!isUnitKey(key))
    return { ok: false, message: "Ein Schlüssel hat 8 Ziffern (Gemeinde) oder 9 Ziffern (Gemeindeverband)." };
  const unit = findItem(key);
  if (!unit) return { ok: false, message: `Nicht im amtlichen Gemeindeverzeichnis: ${key}` };
  const codes = await db.participationCode.findMany({
    where: { unitKey: key, status: { in: ["active", "replaced"] } },
    select: { id: true },
  });
  const verified =
    codes.length === 0 ? 0 : await db.assessment.count({ where: { verifiedCodeId: { in: codes.map((c) => c.id) } } });
  return { ok: true, unit, codes: codes.length, verified };
}
