import "server-only";
import { consumeRateLimit, isRateLimited } from "../db/rate-limit";
import { err, type TResult } from "../result";
import type { TAssessmentError } from "../errors";

/**
 * The token-miss limit for the routes behind a link (the lead's or a colleague's): a client over it gets 429 even
 * for a valid link, and every unknown link counts as a miss (as lib/assessment/guarded-lookup.ts does).
 */
export async function withLinkGuard<T>(
  client: string,
  run: () => Promise<TResult<T, TAssessmentError>>,
): Promise<TResult<T, TAssessmentError>> {
  const limited = await isRateLimited("tokenMiss", client);
  if (!limited.ok) return err({ kind: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds });
  const result = await run();
  if (!result.ok && (result.error.kind === "assessment_not_found" || result.error.kind === "invitation_not_found"))
    await consumeRateLimit("tokenMiss", client);
  return result;
}
