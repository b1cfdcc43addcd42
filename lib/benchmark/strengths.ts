import type { TQuestion, TReference } from "../survey/schema";
import type { TAnswerValue } from "../survey/answer-schema";
import { isScored, nationalMeanScore, scoreAnswer } from "./scoring";
import { keepValidAnswers } from "./compute-benchmark";

/** How many strongest and weakest points the report and the result in Leichter Sprache name. */
export const POINTS_SHOWN = 3;

/**
 * The strongest and weakest points of an answer set: answered scored questions by own score minus the
 * national mean score of that question, the largest lead first resp. the largest gap first; questions
 * level with the mean are neither. Answers to options the reference no longer has count as unanswered. Used by the PDF summary and the result in Leichter Sprache.
 */
export function rankPoints(
  ref: TReference,
  answers: Partial<Record<string, TAnswerValue>>,
): { strongest: TQuestion[]; weakest: TQuestion[] } {
  const valid = keepValidAnswers(ref, answers);
  const scored = ref.questions
    .filter((q) => isScored(q) && valid[q.id] !== undefined)
    .map((q) => ({ q, diff: (scoreAnswer(q, valid[q.id]) ?? 0) - nationalMeanScore(q) }));
  return {
    strongest: [...scored]
      .sort((a, b) => b.diff - a.diff)
      .filter((x) => x.diff > 0)
      .slice(0, POINTS_SHOWN)
      .map((x) => x.q),
    weakest: [...scored]
      .sort((a, b) => a.diff - b.diff)
      .filter((x) => x.diff < 0)
      .slice(0, POINTS_SHOWN)
      .map((x) => x.q),
  };
}
