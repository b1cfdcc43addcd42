import type { TQuestion, TReference } from "../survey/schema";
import { isScored, nationalMeanScore, scoreAnswer } from "./scoring";
import type { TBenchmark, TBenchmarkItem } from "./compute-benchmark";

/** How many strongest and weakest points the report and the result in Leichter Sprache name. */
export const POINTS_SHOWN = 3;

export type TRankedPoint = { question: TQuestion; item: TBenchmarkItem };

/**
 * The strongest and weakest points of a benchmark: its answered scored questions (the benchmark holds only
 * answers valid for the reference) by own score minus the national mean score of that question, the largest
 * lead first resp. the largest gap first; questions level with the mean, and answers off the scale ("Weiß
 * nicht"), are neither. Used by the PDF summary
 * and the result in Leichter Sprache.
 */
export function rankPoints(
  ref: TReference,
  benchmark: Pick<TBenchmark, "items">,
): { strongest: TRankedPoint[]; weakest: TRankedPoint[] } {
  const questions = new Map(ref.questions.map((q) => [q.id, q]));
  const scored = benchmark.items.flatMap((item) => {
    const question = questions.get(item.questionId);
    if (!question || !isScored(question)) return [];
    // An answer off the scale ("Weiß nicht", rank null) is neither a strength nor a need for action.
    const offScale =
      question.type === "single" && typeof question.options.find((o) => o.id === item.answer)?.rank !== "number";
    const score = scoreAnswer(question, item.answer);
    if (score === null || offScale) return [];
    return [{ question, item, diff: score - nationalMeanScore(question) }];
  });
  const pick = (order: (a: number, b: number) => number, keep: (diff: number) => boolean) =>
    [...scored]
      .sort((a, b) => order(a.diff, b.diff))
      .filter((x) => keep(x.diff))
      .slice(0, POINTS_SHOWN)
      .map(({ question, item }) => ({ question, item }));
  return {
    strongest: pick(
      (a, b) => b - a,
      (d) => d > 0,
    ),
    weakest: pick(
      (a, b) => a - b,
      (d) => d < 0,
    ),
  };
}
