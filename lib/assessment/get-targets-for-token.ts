import "server-only";
import { err, ok, type TResult } from "../result";
import type { TTargets } from "../benchmark/targets";
import type { TAssessmentError } from "../errors";
import { findByToken } from "./find-by-token";
import { toTargets } from "./get-targets";

/** GET …/targets: the newest assessment's targets and version. */
export async function getTargetsForToken(
  token: string,
): Promise<TResult<{ version: number; targets: TTargets }, TAssessmentError>> {
  const head = await findByToken(token, { select: { version: true, targets: true } });
  if (!head) return err({ kind: "assessment_not_found" });
  return ok({ version: head.version, targets: toTargets(head.targets) });
}
