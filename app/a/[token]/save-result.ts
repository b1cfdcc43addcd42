import type { TSaveResult } from "@/components/questionnaire/form-states";
import type { TAssessmentError } from "@/lib/errors";
import type { TResult } from "@/lib/result";
import { toFieldErrors } from "@/lib/validation/zod-de";
import { toErrorResponse } from "@/lib/http/errors";

/** An autosave's outcome as the step form takes it: the new version, or the refusal in German words. */
export function toSaveResult(result: TResult<{ version: number }, TAssessmentError>): TSaveResult {
  if (result.ok) return { ok: true, version: result.value.version };
  const { status, body } = toErrorResponse(result.error);
  return {
    ok: false,
    status,
    message: body.error,
    currentVersion: typeof body.currentVersion === "number" ? body.currentVersion : undefined,
    fieldErrors: toFieldErrors(body.issues, "answers."),
  };
}
