import { shortName } from "../benchmark/year-over-year";
import { getQuestion } from "../survey/reference";
import type { TComparisonQuestion, TComparisonRespondent } from "./comparison-model";

/**
 * The comparison in words, shared by the comparison page and the PDF page "Wo wir uns uneinig sind":
 * "2 × Ja, im Einsatz (Digitalisierung, IT-Leitung); 1 × Geplant oder in Diskussion (Bürgermeisterin/Bürgermeister)".
 */
export function comparisonTexts(respondents: readonly TComparisonRespondent[]) {
  const who = new Map(
    respondents.map((r) => [r.id, r.own ? r.roleLabel : `${r.roleLabel}${r.label ? ` (${r.label})` : ""}`]),
  );
  const names = (ids: readonly string[]) => ids.map((id) => who.get(id) ?? id).join(", ");
  const spread = (q: TComparisonQuestion) =>
    q.groups.length === 0
      ? "Noch keine Antwort"
      : q.groups.map((g) => `${g.respondents.length} × ${g.labels.join(" + ")} (${names(g.respondents)})`).join("; ");
  const skipped = (q: TComparisonQuestion) => (q.skipped.length > 0 ? `anderen überlassen: ${names(q.skipped)}` : "");
  return { names, spread, skipped, distance: distanceText, name: questionName };
}

export function questionName(q: { questionId: string }): string {
  const question = getQuestion(q.questionId);
  return question ? shortName(question) : q.questionId;
}

/** How far apart: steps on an ordinal scale, otherwise the share of answers outside the largest group. */
export function distanceText(q: TComparisonQuestion): string {
  const answered = q.groups.reduce((n, g) => n + g.respondents.length, 0);
  if (!q.disputed) return answered === 0 ? "–" : answered === 1 ? "nur eine Antwort" : "einig";
  if (q.distance !== null && q.scaleMax !== null)
    return `${q.distance} von ${q.scaleMax} ${q.scaleMax === 1 ? "Stufe" : "Stufen"} auseinander`;
  return `${Math.round(q.dissent * 100)}\u00a0% der Antworten weichen von der häufigsten ab`;
}
