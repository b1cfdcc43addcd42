import "server-only";
import { saveColleagueGuarded, type TColleagueSaveOutcome } from "../db/direct-colleague";
import type { TAnswerRow } from "../db/direct-queries";
import { err, ok, type TResult } from "../result";
import { toFieldIssues } from "../validation/zod-de";
import type { TAssessmentError } from "../errors";
import type { TSaveInput } from "../validation/save-input";
import { consumeRateLimit } from "../db/rate-limit";
import { decideAfterCount, decideWithoutCount, rateCounter } from "../security/rate-limit-rules";
import { hashToken, isWellFormedToken } from "../security/token";
import { SKIP, ZColleagueSaveRequest } from "./api-schemas";
import { isExpired } from "./lookup";

type TChange = { version: number; questionIds: string[]; rows: TAnswerRow[] };

/** The request as a change: the version it is based on, the questions it sets and their rows (null clears). */
function parseChange(input: unknown): TResult<TChange, TAssessmentError> {
  const parsed = ZColleagueSaveRequest.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
  const entries = Object.entries(parsed.data.answers).filter(([, v]) => v !== undefined);
  const rows = entries.flatMap(([questionId, value]) =>
    value == null
      ? []
      : (value === SKIP ? [SKIP] : Array.isArray(value) ? value : [value]).map((optionId: string) => ({
          questionId,
          optionId,
        })),
  );
  return ok({ version: parsed.data.version, questionIds: entries.map(([q]) => q), rows });
}

/** Why the link's check refused, in the order a colleague's routes check: unknown, revoked, expired. */
function linkRefusal(target: TColleagueSaveOutcome["target"], now: Date): TAssessmentError | null {
  if (!target) return { kind: "invitation_not_found" };
  if (target.revoked) return { kind: "invitation_revoked" };
  if (isExpired(target.closedAt, now)) return { kind: "invitation_expired" };
  return null;
}

/**
 * Saves a colleague's own answers (their link only), with the rules of the lead's save: only the questions sent
 * change, null clears one, "skip" marks it for somebody else, and a stale version is refused with 409. A closed
 * round reads only (409); a revoked or expired link answers 410.
 *
 * One step on the database, as the lead's save (lib/db/direct-colleague.ts): the write limit counted, the checks
 * read, the answers written if all pass. The checks' order: the write limit, the request body, the token-miss
 * limit, the link (unknown, revoked, expired), the answers, the round, the version; an unknown link counts as a
 * miss.
 */
export async function saveColleagueAnswers(
  token: string,
  client: string,
  input: TSaveInput,
  now = new Date(),
): Promise<TResult<{ version: number }, TAssessmentError>> {
  const write = rateCounter("write", client, now.getTime());
  const miss = rateCounter("tokenMiss", client, now.getTime());
  const change = input.readable ? parseChange(input.value) : null;
  const outcome = await saveColleagueGuarded({
    write,
    miss,
    tokenHash: isWellFormedToken(token) ? hashToken(token) : null,
    change: change?.ok ? change.value : null,
  });
  const writeDecision = decideAfterCount(write, outcome.writes, now.getTime());
  if (!writeDecision.ok) return err({ kind: "rate_limited", retryAfterSeconds: writeDecision.retryAfterSeconds });
  if (!change) return err({ kind: "unreadable_request" });
  const missDecision = decideWithoutCount(miss, outcome.misses, now.getTime());
  if (!missDecision.ok) return err({ kind: "rate_limited", retryAfterSeconds: missDecision.retryAfterSeconds });
  const refused = linkRefusal(outcome.target, now);
  if (refused) {
    if (refused.kind === "invitation_not_found") await consumeRateLimit("tokenMiss", client, now.getTime());
    return err(refused);
  }
  if (!change.ok) return change;
  if (outcome.saved) return ok({ version: change.value.version + 1 });
  if (outcome.target!.closedAt) return err({ kind: "round_closed", who: "colleague" });
  return err({ kind: "stale_version", currentVersion: outcome.currentVersion ?? outcome.target!.version });
}
