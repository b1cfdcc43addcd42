import type { TSaveResult } from "@/components/questionnaire/form-states";
import { describeError, issuesOf, statusOf, type TAssessmentError } from "@/lib/errors";
import type { TResult } from "@/lib/result";
import { toFieldErrors } from "@/lib/validation/zod-de";

/** An autosave's outcome as the step form takes it: the new version, or the refusal in German words. */
export function toSaveResult(result: TResult<{ version: number }, TAssessmentError>): TSaveResult {
  if (result.ok) return { ok: true, version: result.value.version };
  const error = result.error;
  return {
    ok: false,
    status: statusOf(error),
    message: describeError(error),
    currentVersion: error.kind === "stale_version" ? error.currentVersion : undefined,
    fieldErrors: toFieldErrors(issuesOf(error), "answers."),
  };
}
