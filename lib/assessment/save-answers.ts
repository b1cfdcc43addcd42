import "server-only";
import { z } from "zod";
import { saveGuarded, writeAnswers, type TAnswerRow } from "../db/direct-queries";
import { ZAnswersPatch } from "../survey/answer-schema";
import { toFieldIssues } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import { consumeRateLimit } from "../security/rate-limit";
import { decideAfterCount, decideWithoutCount, rateCounter } from "../security/rate-limit-rules";
import { hashToken, isWellFormedToken } from "../security/token";
import type { THttpError } from "../http/errors";
import type { TAssessmentError } from "./errors";
import { findAssessmentRef } from "./find-assessment";

export const ZSaveAnswersRequest = z.strictObject(
  {
    version: z
      .number({ error: "Die Versionsnummer (version) fehlt oder ist keine Zahl." })
      .int("Die Versionsnummer muss eine ganze Zahl sein.")
      .min(1, "Die Versionsnummer muss mindestens 1 sein."),
    answers: ZAnswersPatch,
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekanntes Feld: ${iss.keys.join(", ")}` : "Erwartet wird ein JSON-Objekt mit version und answers.") },
);

type TSaveResult = TResult<{ version: number }, TAssessmentError>;
type TRef = { id: string; status: string; version: number };
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

/** Why a save that passed the limits and found its assessment did not write. */
async function refusal(found: TRef, change: TChange, reread: () => Promise<TRef | null>): Promise<TSaveResult> {
  if (found.status === "submitted") return err({ kind: "assessment_submitted" });
  if (found.version !== change.version) return err({ kind: "stale_version", currentVersion: found.version });
  // The version matched when read, but another save got there first.
  const current = await reread();
  if (!current) return err({ kind: "assessment_not_found" });
  if (current.status === "submitted") return err({ kind: "assessment_submitted" });
  return err({ kind: "stale_version", currentVersion: current.version });
}

/**
 * Saving answers as the API and the questionnaire's autosave do it, on the hot path: one statement on
 * the database (lib/db/direct-queries.ts). The checks and their order are those of every guarded write
 * (the write limit, then the request body, the token-miss limit, the token, the answers, the state and
 * the version), so a client sees the same answer as from the general path.
 */
export async function saveAnswersGuarded(
  token: string,
  client: string,
  body: TResult<unknown, THttpError>,
): Promise<TResult<{ version: number }, TAssessmentError | THttpError>> {
  const now = Date.now();
  const write = rateCounter("write", client, now);
  const miss = rateCounter("tokenMiss", client, now);
  const change = body.ok ? parseChange(body.value) : null;
  const outcome = await saveGuarded({ write, miss, tokenHash: isWellFormedToken(token) ? hashToken(token) : null, change: change?.ok ? change.value : null });
  const writeDecision = decideAfterCount(write, outcome.writes, now);
  if (!writeDecision.ok) return err({ kind: "rate_limited", retryAfterSeconds: writeDecision.retryAfterSeconds });
  if (!body.ok) return body;
  const missDecision = decideWithoutCount(miss, outcome.misses, now);
  if (!missDecision.ok) return err({ kind: "rate_limited", retryAfterSeconds: missDecision.retryAfterSeconds });
  if (!outcome.assessment) {
    await consumeRateLimit("tokenMiss", client, now);
    return err({ kind: "assessment_not_found" });
  }
  if (!change!.ok) return change!;
  if (outcome.saved) return ok({ version: change!.value.version + 1 });
  return refusal(outcome.assessment, change!.value, () => findAssessmentRef(token));
}

/**
 * Saves a partial set of answers (only the questions sent change; null clears one) if the client's
 * version is the stored one. Optimistic locking: a stale version changes nothing. Without rate limits:
 * the caller guards (the step form's actions).
 */
export async function saveAnswers(token: string, input: unknown): Promise<TSaveResult> {
  const found = await findAssessmentRef(token);
  if (!found) return err({ kind: "assessment_not_found" });
  const change = parseChange(input);
  if (!change.ok) return change;
  if (found.status === "draft" && found.version === change.value.version) {
    const { version, questionIds, rows } = change.value;
    // The version guard in the statement makes the check-and-write atomic across requests and instances.
    if (await writeAnswers(found.id, version, questionIds, rows)) return ok({ version: version + 1 });
  }
  return refusal(found, change.value, () => findAssessmentRef(token));
}
