import "server-only";
import { db } from "../db/client";
import { err, ok, type TResult } from "../result";
import { hashToken, isWellFormedToken } from "../security/token";
import type { TAssessmentError } from "../errors";
import { rowsToAnswers } from "../survey/answer-rows";
import { CLOSED_ROUND_DAYS, SKIP } from "./api-schemas";

const DAY_MS = 24 * 3600 * 1000;

export type TRoundView = { status: "open" | "closed"; closedAt: string | null; expiresAt: string | null };

/** The round of an assessment: open until the lead closes it; a closed round's links expire 30 days later. */
export function roundOf(closedAt: Date | null): TRoundView {
  return closedAt
    ? {
        status: "closed",
        closedAt: closedAt.toISOString(),
        expiresAt: new Date(closedAt.getTime() + CLOSED_ROUND_DAYS * DAY_MS).toISOString(),
      }
    : { status: "open", closedAt: null, expiresAt: null };
}

/** The cut-off: a round closed before it has expired. */
export const expiryCutoff = (now: Date) => new Date(now.getTime() - CLOSED_ROUND_DAYS * DAY_MS);

export function isExpired(closedAt: Date | null, now: Date): boolean {
  return closedAt !== null && closedAt < expiryCutoff(now);
}

/** True when the token is a colleague's link (then a lead route says so instead of "not found"). */
export async function isColleagueToken(token: string): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  return (await db.colleagueInvitation.count({ where: { tokenHash: hashToken(token) } })) > 0;
}

/** The assessment behind the lead's link (the newest of its chain), or why not: unknown, or a colleague's link. */
export async function findLead(token: string) {
  if (!isWellFormedToken(token)) return err<TAssessmentError>({ kind: "assessment_not_found" });
  const row = await db.assessment.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      chainId: true,
      previousId: true,
      status: true,
      version: true,
      municipalityName: true,
      colleaguesClosedAt: true,
    },
  });
  if (row) return ok(row);
  return err<TAssessmentError>({ kind: (await isColleagueToken(token)) ? "colleague_link" : "assessment_not_found" });
}

export type TInvitationRow = {
  id: string;
  role: string;
  label: string | null;
  version: number;
  createdAt: Date;
  answeredAt: Date | null;
  revokedAt: Date | null;
  assessmentId: string;
};

/** A colleague's invitation behind their link, refused when revoked or expired (a closed round still reads). */
export async function findInvitation(
  token: string,
  now: Date,
): Promise<
  TResult<
    { invitation: TInvitationRow; closedAt: Date | null; unitName: string; answers: Record<string, string | string[]> },
    TAssessmentError
  >
> {
  if (!isWellFormedToken(token)) return err({ kind: "invitation_not_found" });
  const row = await db.colleagueInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      answers: true,
      assessment: { select: { colleaguesClosedAt: true, municipalityName: true, tokenHash: true, updatedAt: true } },
    },
  });
  if (!row) return err({ kind: "invitation_not_found" });
  if (row.revokedAt) return err({ kind: "invitation_revoked" });
  // A year that was followed up (its link passed to the next year) closed its round then, if the lead had not.
  const closedAt = row.assessment.colleaguesClosedAt ?? (row.assessment.tokenHash ? null : row.assessment.updatedAt);
  if (isExpired(closedAt, now)) return err({ kind: "invitation_expired" });
  const { answers, assessment, ...invitation } = row;
  return ok({
    invitation: { ...invitation, assessmentId: row.assessmentId },
    closedAt,
    unitName: assessment.municipalityName,
    answers: colleagueRowsToAnswers(answers),
  });
}

/** Stored rows as answers (in questionnaire order, like the lead's); a skipped question as "skip". */
export function colleagueRowsToAnswers(
  rows: readonly { questionId: string; optionId: string }[],
): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = rowsToAnswers(rows.filter((r) => r.optionId !== SKIP));
  for (const r of rows) if (r.optionId === SKIP) answers[r.questionId] = SKIP;
  return answers;
}
