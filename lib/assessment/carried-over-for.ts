import "server-only";
import { db } from "../db/client";
import { chainLabels } from "../benchmark/year-over-year";

/**
 * A follow-up's answers taken over from the year before and not yet saved again, with that year; null for
 * a first assessment or when every answer was confirmed.
 */
export async function carriedOverFor(assessment: {
  id: string;
  previousId: string | null;
}): Promise<{ label: string; questionIds: string[] } | null> {
  if (!assessment.previousId) return null;
  const [rows, previous, current] = await Promise.all([
    db.answer.findMany({
      where: { assessmentId: assessment.id, carriedOver: true },
      select: { questionId: true },
      distinct: ["questionId"],
    }),
    db.assessment.findUnique({ where: { id: assessment.previousId }, select: { submittedAt: true, createdAt: true } }),
    db.assessment.findUnique({ where: { id: assessment.id }, select: { submittedAt: true, createdAt: true } }),
  ]);
  if (rows.length === 0 || !previous || !current) return null;
  const iso = (r: { createdAt: Date; submittedAt: Date | null }) => ({
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
  });
  // Named as beside this one (periodLabels): "2025", or "März 2026" when both fall in one year.
  return { label: chainLabels([iso(previous), iso(current)])[0]!, questionIds: rows.map((r) => r.questionId) };
}
