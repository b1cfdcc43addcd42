import type { TReference } from "../survey/schema";
import type { TAnswerValue } from "../survey/answer-schema";
import { isScored, nationalMeanScore, scoreAnswer } from "./scoring";

export type TRecommendation = { questionId: string; priority: number; title: string; text: string };

/** At most this many, so that the list fits one screen. */
export const MAX_RECOMMENDATIONS = 5;

/**
 * Next steps for the gaps in an answer set: every scored question whose answer is one the
 * reference file marks as a gap. Most impactful first: by priority, then by how far the answer
 * lies below the national mean of that question, then in questionnaire order.
 */
export function recommend(ref: TReference, answers: Partial<Record<string, TAnswerValue>>): TRecommendation[] {
  return ref.questions
    .flatMap((q, order) => {
      const answer = answers[q.id];
      const rec = q.recommendation;
      if (!rec || answer === undefined || !isScored(q)) return [];
      const chosen = Array.isArray(answer) ? answer : [answer];
      if (!chosen.some((id) => rec.options.includes(id))) return [];
      const gap = nationalMeanScore(q) - (scoreAnswer(q, answer) ?? 0);
      return [{ order, gap, rec: { questionId: q.id, priority: rec.priority, title: rec.title, text: rec.text } }];
    })
    .sort((a, b) => a.rec.priority - b.rec.priority || b.gap - a.gap || a.order - b.order)
    .slice(0, MAX_RECOMMENDATIONS)
    .map((x) => x.rec);
}
