import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { findItem, getRegister, type TRegisterItem } from "../municipalities/register";
import { municipalityKey } from "../peers/municipality-key";
import { isRateLimited, consumeRateLimit } from "../db/rate-limit";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { hashCode, parseCode } from "./code";

/** The rate-limit client that stands for the whole instance (failed code attempts from all clients). */
export const INSTANCE_CLIENT = "instance";

/** A redeemed code: the unit of the register it was issued for (a Gemeinde or a Gemeindeverband). */
export type TRedeemedCode = { codeId: string; unit: TRegisterItem; gebietsstand: string };

/**
 * Checks a typed participation code (not yet bound to anything). Failed attempts count against the client and
 * against the whole instance (RATE_LIMITS.codeAttempt, codeAttemptInstance). A client over its own limit is
 * refused before the code is looked at. The instance's limit never refuses a right code: an outsider sending
 * wrong codes from many addresses could otherwise keep every municipality from entering its own. While the
 * instance is over it, only wrong codes are refused as too many (429 instead of 422); with 80 random bits
 * per code, guessing stays hopeless either way (docs/adr/0005).
 */
export async function redeemCode(
  tx: Prisma.TransactionClient,
  input: unknown,
  client: string,
  path: string,
): Promise<TResult<TRedeemedCode, TAssessmentError>> {
  const own = await isRateLimited("codeAttempt", client);
  if (!own.ok) return err({ kind: "rate_limited", retryAfterSeconds: own.retryAfterSeconds });
  const failed = async (error: TAssessmentError) => {
    const instance = await isRateLimited("codeAttemptInstance", INSTANCE_CLIENT);
    await consumeRateLimit("codeAttempt", client);
    await consumeRateLimit("codeAttemptInstance", INSTANCE_CLIENT);
    return err(instance.ok ? error : { kind: "rate_limited" as const, retryAfterSeconds: instance.retryAfterSeconds });
  };
  const parsed = parseCode(input);
  if (!parsed.ok) return failed({ kind: "code_malformed", path });
  const code = await tx.participationCode.findUnique({ where: { codeHash: hashCode(parsed.symbols) } });
  if (!code || code.status !== "active") return failed({ kind: "code_invalid", path });
  const unit = findItem(code.unitKey);
  // A code outlives its register only across a Gebietsreform; then it can no longer be placed.
  if (!unit) return failed({ kind: "code_invalid", path });
  return ok({ codeId: code.id, unit, gebietsstand: getRegister().gebietsstand });
}

/** The columns of an assessment that a unit of the register fixes: name, state, population served, key. */
export function registerProfile(unit: TRegisterItem, gebietsstand: string) {
  return {
    municipalityName: unit.name,
    state: unit.state,
    population: unit.population,
    sizeClass: unit.sizeClass,
    ags: unit.ags,
    agsGebietsstand: gebietsstand,
    unitKind: unit.kind,
    unitKey: unit.key,
    memberCount: unit.memberCount,
    municipalityKey: municipalityKey({ unitKey: unit.key, name: unit.name, state: unit.state }),
  };
}

/** The columns of an assessment that a verified code fixes: the unit as the register has it. */
export function verifiedProfile(redeemed: TRedeemedCode, now: Date) {
  return {
    ...registerProfile(redeemed.unit, redeemed.gebietsstand),
    verifiedCodeId: redeemed.codeId,
    verifiedAt: now,
  };
}
