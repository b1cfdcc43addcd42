import "server-only";
import { db } from "../db/client";
import type { TReportDisagreement } from "../report/report-model";
import { comparisonOf } from "./get-comparison";
import { comparisonTexts } from "./comparison-text";

/**
 * The PDF page "Wo wir uns uneinig sind" of an assessment: the questions somebody in the round answered, widest
 * disagreement first, in words; null when no colleague answered (then the report has no such page).
 */
export async function reportDisagreement(assessmentId: string, now: Date): Promise<TReportDisagreement | null> {
  const lead = await db.assessment.findUnique({
    where: { id: assessmentId },
    select: { id: true, version: true, status: true, colleaguesClosedAt: true },
  });
  if (!lead) return null;
  const c = await comparisonOf(lead, now);
  if (c.answered === 0) return null;
  const t = comparisonTexts(c.respondents);
  const colleagues = c.respondents.length - 1;
  const rows = c.questions.filter((q) => q.groups.length > 1 || q.skipped.length > 0 || q.disputed);
  return {
    summary: `${c.answered} von ${colleagues} eingeladenen ${colleagues === 1 ? "Person hat" : "Personen haben"} die Fragen für sich beantwortet. Bei ${c.disputed} von ${c.questions.length} Fragen gehen die Antworten auseinander. Es zählen nur die Antworten, die die federführende Person festgelegt hat; die Antworten der anderen zählen nie im Vergleich mit anderen Kommunen.`,
    rows: (rows.length > 0 ? rows : c.questions.slice(0, 5)).map((q) => ({
      name: t.name(q),
      answers: [t.spread(q), t.skipped(q)].filter(Boolean).join("; "),
      distance: t.distance(q),
      disputed: q.disputed,
    })),
  };
}
