import { STEPS } from "../survey/reference";
import { findUnanswered, type TAnswers } from "../survey/answer-schema";

export type TStepProgress = { stepNumber: number; title: string; answered: number; total: number; open: string[] };

/** Per step: how many questions are answered and which are still open. */
export function computeProgress(answers: Partial<TAnswers>): {
  steps: TStepProgress[];
  answered: number;
  total: number;
  firstOpenStep: number | null;
} {
  const open = new Set(findUnanswered(answers));
  const steps = STEPS.map((s) => {
    const openIds = s.questions.filter((q) => open.has(q.id)).map((q) => q.id);
    return {
      stepNumber: s.index + 1,
      title: s.topic.title,
      answered: s.questions.length - openIds.length,
      total: s.questions.length,
      open: openIds,
    };
  });
  const total = steps.reduce((n, s) => n + s.total, 0);
  const firstOpen = steps.find((s) => s.open.length > 0);
  return { steps, answered: total - open.size, total, firstOpenStep: firstOpen ? firstOpen.stepNumber : null };
}
