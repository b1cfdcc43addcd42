import "server-only";
import { metrics } from "../metrics/registry.cjs";
import { saveGuarded, type TAnswerRow, type TSaveRefusal } from "../db/direct-queries";
import { ZSaveAnswersRequest } from "./api-schemas";
import { toFieldIssues } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import { consumeRateLimit } from "../db/rate-limit";
import { decideAfterCount, decideWithoutCount, rateCounter } from "../security/rate-limit-rules";
import { hashToken, isWellFormedToken } from "../security/token";
import type { TAssessmentError } from "../errors";
import type { TSaveInput } from "../validation/save-input";

type TChange = { version: number; questionIds: string[]; rows: TAnswerRow[] };

/** The request as a change: the version it is based on, the questions it sets and the rows they get (null clears). */
function parseChange(input: unknown): TResult<TChange, TAssessmentError> {
  const parsed = ZSaveAnswersRequest.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
  const entries = Object.entries(parsed.data.answers).filter(([, v]) => v !== undefined);
  const rows = entries.flatMap(([questionId, value]) =>
    value == null ? [] : (Array.isArray(value) ? value : [value]).map((optionId: string) => ({ questionId, optionId })),
  );
  return ok({ version: parsed.data.version, questionIds: entries.map(([q]) => q), rows });
}

/** Why the database did not write, in the use case's words. */
function refusalError(refusal: TSaveRefusal): TAssessmentError {
  switch (refusal.reason) {
    case "submitted":
      return { kind: "assessment_submitted" };
    case "stale_version":
      return { kind: "stale_version", currentVersion: refusal.currentVersion };
    case "gone":
      return { kind: "assessment_not_found" };
  }
}

/**
 * Saves a partial set of answers (only the questions sent change; null clears one) if the client's
 * version is the stored one: the one save of the API, the questionnaire's autosave and the step form
 * without JavaScript. One step on the database (lib/db/direct-queries.ts): the write limit counted,
 * the checks read, the answers written if all pass. The checks' order is that of every guarded write:
 * the write limit, the request body, the token-miss limit, the token, the answers, the state and the
 * version; an unknown token counts as a miss.
 */
export async function saveAnswers(
  token: string,
  client: string,
  input: TSaveInput,
): Promise<TResult<{ version: number }, TAssessmentError>> {
  const now = Date.now();
  const write = rateCounter("write", client, now);
  const miss = rateCounter("tokenMiss", client, now);
  const change = input.readable ? parseChange(input.value) : null;
  const outcome = await saveGuarded({
    write,
    miss,
    tokenHash: isWellFormedToken(token) ? hashToken(token) : null,
    change: change?.ok ? change.value : null,
  });
  const writeDecision = decideAfterCount(write, outcome.writes, now);
  if (!writeDecision.ok) return err({ kind: "rate_limited", retryAfterSeconds: writeDecision.retryAfterSeconds });
  if (!change) return err({ kind: "unreadable_request" });
  const missDecision = decideWithoutCount(miss, outcome.misses, now);
  if (!missDecision.ok) return err({ kind: "rate_limited", retryAfterSeconds: missDecision.retryAfterSeconds });
  if (!outcome.found) {
    await consumeRateLimit("tokenMiss", client, now);
    return err({ kind: "assessment_not_found" });
  }
  if (!change.ok) return change;
  if (outcome.saved) {
    metrics().saves.inc();
    return ok({ version: change.value.version + 1 });
  }
  return err(refusalError(outcome.refusal ?? { reason: "gone" }));
}
