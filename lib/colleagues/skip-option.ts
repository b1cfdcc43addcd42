import type { TQuestion } from "../survey/schema";
import { SKIP, SKIP_LABEL } from "./api-schemas";

/**
 * A step's questions as a colleague sees them: each with one more answer, "Weiß ich nicht, soll jemand anderes
 * beantworten", which stands alone (exclusive) on a multi-choice question. The step form and its validation need
 * nothing else to offer it.
 */
export function withSkipOption(questions: readonly TQuestion[]): TQuestion[] {
  return questions.map((q) => ({
    ...q,
    options: [...q.options, { id: SKIP, label: SKIP_LABEL, share: null, published: false, exclusive: true }],
  }));
}

/** A colleague's stored answers as the step form's values: a skipped multi-choice question is ["skip"] there. */
export function toFormAnswers(
  questions: readonly TQuestion[],
  answers: Readonly<Record<string, string | string[]>>,
): Record<string, string | string[]> {
  const multi = new Set(questions.filter((q) => q.type === "multi").map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).map(([q, v]) => [q, v === SKIP && multi.has(q) ? [SKIP] : v]));
}
