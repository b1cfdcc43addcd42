import { DIMENSIONS, type TIndexDimension, type TQuestion, type TReference } from "../survey/schema";
import type { TAnswerValue } from "../survey/answer-schema";
import { round1 } from "../format/round";

/**
 * Scoring rules of the digital-maturity index (docs/adr/0003-maturity-index.md):
 * - an ordinal question scores rank / highest rank (0…1); an unranked option ("weiß nicht") scores 0;
 * - a multi-choice question scores the share of its non-exclusive options chosen (0…1);
 * - a dimension scores the mean of its questions, the index the mean of the five dimensions, × 100.
 * Every rule is linear in the answers, so the national mean follows exactly from the published
 * shares (the mean of a sum is the sum of the means): no joint distribution is needed.
 */

export function isScored(q: TQuestion): boolean {
  return q.dimension !== "context";
}

/** Score of one option of an ordinal single-choice question, 0…1. */
export function optionScore(q: TQuestion, optionId: string): number {
  const maxRank = Math.max(...q.options.map((o) => o.rank ?? 0));
  const rank = q.options.find((o) => o.id === optionId)?.rank;
  return typeof rank === "number" && maxRank > 0 ? rank / maxRank : 0;
}

/** Score of an answer to a scored question, 0…1; null when unanswered. */
export function scoreAnswer(q: TQuestion, answer: TAnswerValue | undefined): number | null {
  if (answer === undefined) return null;
  if (q.type === "single") return optionScore(q, answer as string);
  const scorable = q.options.filter((o) => !o.exclusive);
  const chosen = (answer as string[]).filter((id) => scorable.some((o) => o.id === id));
  return chosen.length / scorable.length;
}

/**
 * The national mean score of a question, 0…1: Σ share × score over its options. Options without a
 * share (added by us, such as "Nichts davon") score 0 on multi-choice questions and so add nothing.
 */
export function nationalMeanScore(q: TQuestion): number {
  if (q.type === "single") return q.options.reduce((sum, o) => sum + ((o.share ?? 0) / 100) * optionScore(q, o.id), 0);
  const scorable = q.options.filter((o) => !o.exclusive);
  return scorable.reduce((sum, o) => sum + (o.share ?? 0) / 100, 0) / scorable.length;
}

export type TDimensionScore = {
  id: TIndexDimension;
  /** 0…100, one decimal; null when no question of the dimension is answered. */
  score: number | null;
  nationalMean: number;
  answered: number;
  total: number;
};

export type TIndex = {
  /** 0…100, one decimal; null when no dimension has an answer. */
  score: number | null;
  nationalMean: number;
  dimensions: TDimensionScore[];
  /** All scored questions answered: the index is final. Otherwise it is a partial index. */
  complete: boolean;
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The index of an answer set. A partial answer set gives a partial index over the answered
 * questions (marked incomplete); the national mean is always over all questions.
 */
export function computeIndex(ref: TReference, answers: Partial<Record<string, TAnswerValue>>): TIndex {
  const dimensions = DIMENSIONS.map((id) => {
    const questions = ref.questions.filter((q) => q.dimension === id);
    const scores = questions.map((q) => scoreAnswer(q, answers[q.id])).filter((s): s is number => s !== null);
    return {
      id,
      score: scores.length > 0 ? round1(mean(scores) * 100) : null,
      nationalMean: round1(mean(questions.map(nationalMeanScore)) * 100),
      answered: scores.length,
      total: questions.length,
    };
  });
  const scored = dimensions.filter((d) => d.score !== null).map((d) => d.score!);
  // The overall mean uses unrounded dimension means so that rounding happens once.
  const exact = (id: TIndexDimension, f: (q: TQuestion) => number | null) => {
    const xs = ref.questions
      .filter((q) => q.dimension === id)
      .map(f)
      .filter((s): s is number => s !== null);
    return xs.length > 0 ? mean(xs) : null;
  };
  const ownExact = DIMENSIONS.map((id) => exact(id, (q) => scoreAnswer(q, answers[q.id]))).filter(
    (x): x is number => x !== null,
  );
  return {
    score: scored.length > 0 ? round1(mean(ownExact) * 100) : null,
    nationalMean: round1(mean(DIMENSIONS.map((id) => exact(id, nationalMeanScore)!)) * 100),
    dimensions,
    complete: dimensions.every((d) => d.answered === d.total),
  };
}
