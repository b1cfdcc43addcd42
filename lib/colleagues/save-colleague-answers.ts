import "server-only";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { err, ok, type TResult } from "../result";
import { toFieldIssues } from "../validation/zod-de";
import type { TAssessmentError } from "../errors";
import { SKIP, ZColleagueSaveRequest } from "./api-schemas";
import { findInvitation } from "./lookup";

/**
 * Saves a colleague's own answers (their link only), with the rules of the lead's save: only the questions sent
 * change, null clears one, "skip" marks it for somebody else, and a stale version is refused with 409. A closed
 * round reads only (409); a revoked or expired link answers 410.
 */
export function saveColleagueAnswers(
  token: string,
  input: unknown,
  now = new Date(),
): Promise<TResult<{ version: number }, TAssessmentError>> {
  return runExclusive(async () => {
    const found = await findInvitation(token, now);
    if (!found.ok) return found;
    const parsed = ZColleagueSaveRequest.safeParse(input);
    if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
    if (found.value.closedAt) return err({ kind: "round_closed", who: "colleague" });
    const { invitation } = found.value;
    const entries = Object.entries(parsed.data.answers).filter(([, v]) => v !== undefined);
    const rows = entries.flatMap(([questionId, value]) =>
      value == null
        ? []
        : (value === SKIP ? [SKIP] : Array.isArray(value) ? value : [value]).map((optionId) => ({
            invitationId: invitation.id,
            questionId,
            optionId,
          })),
    );
    const saved = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      const bumped = await tx.colleagueInvitation.updateMany({
        where: { id: invitation.id, version: parsed.data.version, revokedAt: null },
        data: { version: { increment: 1 }, answeredAt: now },
      });
      if (bumped.count !== 1) return false;
      const questionIds = entries.map(([q]) => q);
      if (questionIds.length > 0)
        await tx.colleagueAnswer.deleteMany({
          where: { invitationId: invitation.id, questionId: { in: questionIds } },
        });
      if (rows.length > 0) await tx.colleagueAnswer.createMany({ data: rows });
      return true;
    });
    if (!saved) return err({ kind: "stale_version", currentVersion: invitation.version });
    return ok({ version: parsed.data.version + 1 });
  });
}
