import "server-only";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import { generateToken, hashToken } from "../security/token";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { findByToken } from "./find-by-token";

/**
 * "Link erneuern": a new edit token replaces the old one at once (only the new hash is stored),
 * so a link that leaked stops working. Answers and status stay as they are.
 */
export function renewToken(token: string): Promise<TResult<{ token: string }, TAssessmentError>> {
  return runExclusive(async () => {
    const found = await findByToken(token, { select: { id: true } });
    if (!found) return err({ kind: "assessment_not_found" });
    const next = generateToken();
    await db.assessment.update({
      where: { id: found.id },
      data: { tokenHash: hashToken(next), version: { increment: 1 } },
    });
    return ok({ token: next });
  });
}
