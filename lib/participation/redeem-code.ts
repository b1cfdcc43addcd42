import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { findByAgs, getRegister } from "../municipalities/register";
import { municipalityKey } from "../peers/municipality-key";
import { deriveSizeClass } from "../profile/size-class";
import { isRateLimited, consumeRateLimit } from "../security/rate-limit";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../assessment/errors";
import { hashCode, parseCode } from "./code";
import type { TRegisterEntry } from "../municipalities/search";

/** The rate-limit client that stands for the whole instance (failed code attempts from all clients). */
export const INSTANCE_CLIENT = "instance";

export type TRedeemedCode = { codeId: string; entry: TRegisterEntry; gebietsstand: string };

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
  const entry = findByAgs(code.ags);
  // A code outlives its register only across a Gebietsreform; then it can no longer be placed.
  if (!entry) return failed({ kind: "code_invalid", path });
  return ok({ codeId: code.id, entry, gebietsstand: getRegister().gebietsstand });
}

/** The columns of an assessment that a verified code fixes: the municipality as the register has it. */
export function verifiedProfile(redeemed: TRedeemedCode, now: Date) {
  const { entry } = redeemed;
  return {
    municipalityName: entry.name,
    state: entry.state,
    population: entry.population,
    sizeClass: deriveSizeClass(entry.population),
    ags: entry.ags,
    agsGebietsstand: redeemed.gebietsstand,
    municipalityKey: municipalityKey({ ags: entry.ags, name: entry.name, state: entry.state }),
    verifiedCodeId: redeemed.codeId,
    verifiedAt: now,
  };
}
