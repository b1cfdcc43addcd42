import "server-only";
import { consumeRateLimit, isRateLimited } from "../db/rate-limit";
import { err, ok, type TResult } from "../result";
import type { TAssessmentView } from "./assessment-view";
import type { TAssessmentError } from "../errors";
import { findAssessmentByToken } from "./find-assessment";
import { isColleagueToken } from "../colleagues/lookup";

/**
 * Brute-force resistance for edit links: a client that has looked up too many unknown tokens gets
 * 429 for a while, even for a valid token; every miss is counted (in the database, for all instances).
 */
export async function lookUpAssessment(
  token: string,
  client: string,
): Promise<TResult<TAssessmentView, TAssessmentError>> {
  const limited = await isRateLimited("tokenMiss", client);
  if (!limited.ok) return err({ kind: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds });
  const assessment = await findAssessmentByToken(token);
  if (assessment) return ok(assessment);
  // A colleague's link on a route of the lead: say so (docs/adr/0014-colleagues.md); it is no miss.
  if (await isColleagueToken(token)) return err({ kind: "colleague_link" });
  await consumeRateLimit("tokenMiss", client);
  return err({ kind: "assessment_not_found" });
}

/**
 * Guards a use case that takes a token: refuses over-limit clients and counts its "not found" as a miss. Given the
 * token, a colleague's link that the use case did not find is refused as one (403, docs/adr/0014-colleagues.md)
 * and is no miss.
 */
export async function withTokenGuard<T>(
  client: string,
  run: () => Promise<TResult<T, TAssessmentError>>,
  token?: string,
): Promise<TResult<T, TAssessmentError>> {
  const limited = await isRateLimited("tokenMiss", client);
  if (!limited.ok) return err({ kind: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds });
  const result = await run();
  if (!result.ok && result.error.kind === "assessment_not_found") {
    if (token !== undefined && (await isColleagueToken(token))) return err({ kind: "colleague_link" });
    await consumeRateLimit("tokenMiss", client);
  }
  return result;
}
