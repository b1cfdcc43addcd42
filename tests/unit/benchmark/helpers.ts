import type { TAnswerValue } from "@/lib/survey/answer-schema";
import { reference } from "@/lib/survey/reference";
import type { TOption, TQuestion, TReference } from "@/lib/survey/schema";

/**
 * Shared fixtures of the benchmark unit tests. Everything is derived from the reference file,
 * so that the tests keep working when questions are added, and fail when a rule breaks.
 */

export type TAnswerSet = Record<string, TAnswerValue>;

export function question(id: string, ref: TReference = reference): TQuestion {
  const q = ref.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question "${id}" in the reference`);
  return q;
}

export function option(questionId: string, optionId: string, ref: TReference = reference): TOption {
  const o = question(questionId, ref).options.find((x) => x.id === optionId);
  if (!o) throw new Error(`no option "${optionId}" in question "${questionId}"`);
  return o;
}

export const SCORED = reference.questions.filter((q) => q.dimension !== "context");
export const CONTEXT = reference.questions.filter((q) => q.dimension === "context");
export const ORDINAL = reference.questions.filter((q) => q.ordinal === true);
export const MULTI = reference.questions.filter((q) => q.type === "multi");

const ranked = (q: TQuestion) => q.options.filter((o): o is TOption & { rank: number } => typeof o.rank === "number");

export function lowestRanked(q: TQuestion): TOption {
  const r = ranked(q);
  if (r.length === 0) throw new Error(`${q.id} has no ranked option`);
  return r.reduce((a, b) => (b.rank < a.rank ? b : a));
}

export function highestRanked(q: TQuestion): TOption {
  const r = ranked(q);
  if (r.length === 0) throw new Error(`${q.id} has no ranked option`);
  return r.reduce((a, b) => (b.rank > a.rank ? b : a));
}

export const nonExclusive = (q: TQuestion) => q.options.filter((o) => !o.exclusive);
export const exclusiveOption = (q: TQuestion) => q.options.find((o) => o.exclusive);

/** The best answer: highest rank (ordinal), every non-exclusive option (multi), first option otherwise. */
export function bestAnswer(q: TQuestion): TAnswerValue {
  if (q.type === "multi") return nonExclusive(q).map((o) => o.id);
  return q.ordinal ? highestRanked(q).id : q.options[0]!.id;
}

/** The worst answer: rank 0 (ordinal), the exclusive "Nichts davon" (multi), last option otherwise. */
export function worstAnswer(q: TQuestion): TAnswerValue {
  if (q.type === "multi") {
    const ex = exclusiveOption(q);
    if (!ex) throw new Error(`${q.id} has no exclusive option to answer "nothing"`);
    return [ex.id];
  }
  return q.ordinal ? lowestRanked(q).id : q.options[q.options.length - 1]!.id;
}

/** A full answer set; context questions are answered with their first option (first non-exclusive for multi). */
export function fullAnswers(
  pick: (q: TQuestion) => TAnswerValue,
  questions: readonly TQuestion[] = reference.questions,
): TAnswerSet {
  return Object.fromEntries(
    questions.map((q) => [
      q.id,
      q.dimension === "context" ? (q.type === "multi" ? [nonExclusive(q)[0]!.id] : q.options[0]!.id) : pick(q),
    ]),
  );
}

export const allBest = () => fullAnswers(bestAnswer);
export const allWorst = () => fullAnswers(worstAnswer);

/** A deep copy of the reference that a test may change freely. */
export function mutableReference(): TReference {
  return structuredClone(reference);
}

/** "N %" and "N Prozent" figures in a text, as numbers (German decimal comma). */
export function percentFigures(text: string): number[] {
  return [...text.matchAll(/(\d+(?:,\d+)?)\s*(?:%|Prozent\b)/g)].map((m) => Number(m[1]!.replace(",", ".")));
}
