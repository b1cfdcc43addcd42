import { DIMENSIONS, type TIndexDimension, type TOption, type TQuestion, type TReference } from "../survey/schema";
import type { TAnswerValue } from "../survey/answer-schema";
import type { TFieldIssue } from "../validation/zod-de";
import { computeIndex, isScored } from "./scoring";
import { answerLabel, shortName } from "./year-over-year";
import { TARGET_YEARS_AHEAD } from "./target-limits";

/**
 * Target states and the Maßnahmenplan (docs/adr/0010-year-after-year.md). Pure: the API, the targets form, the results page and
 * the PDF use the same rules.
 * - A target is set per scored question: an answer better than today's (single choice: a higher rank;
 *   multiple choice: one more of its options), a year from this year to ten years ahead and a responsible
 *   unit (free text, at most 200 characters).
 * - The plan lists the targets in the order of priority of the recommendations, then in questionnaire order.
 * - A target carried over to the next year's assessment is met when that year's answer reaches it.
 */

type TAnswerSet = Partial<Record<string, TAnswerValue>>;

export type TTarget = { option: string; year: number; responsible: string };
export type TTargets = Record<string, TTarget>;

const rankOf = (q: TQuestion, id: string) => q.options.find((o) => o.id === id)?.rank;

/** The options that may be the target of a question, given today's answer (none for context questions). */
export function targetOptions(q: TQuestion, answer: TAnswerValue | undefined): TOption[] {
  if (!isScored(q)) return [];
  if (q.type === "multi") {
    const chosen = new Set(Array.isArray(answer) ? answer : []);
    return q.options.filter((o) => !o.exclusive && !chosen.has(o.id));
  }
  const today = typeof answer === "string" ? (rankOf(q, answer) ?? -1) : -1;
  return q.options.filter((o) => typeof o.rank === "number" && o.rank > today);
}

/** True when an answer reaches the target. */
export function isTargetMet(q: TQuestion, answer: TAnswerValue | undefined, target: TTarget): boolean {
  if (answer === undefined) return false;
  if (q.type === "multi") return Array.isArray(answer) && answer.includes(target.option);
  const now = typeof answer === "string" ? rankOf(q, answer) : undefined;
  const aim = rankOf(q, target.option);
  return typeof now === "number" && typeof aim === "number" && now >= aim;
}

/**
 * The German issues of a set of targets against today's answers (empty: valid). Paths as the API's body:
 * `targets.<questionId>.option|year|responsible`. A target unchanged from `stored` (option and year) is
 * accepted as it is: a plan carried over from the year before shows which targets were met.
 */
export function validateTargets(
  ref: TReference,
  answers: TAnswerSet,
  targets: TTargets,
  currentYear: number,
  stored: TTargets = {},
): TFieldIssue[] {
  const issues: TFieldIssue[] = [];
  for (const [questionId, t] of Object.entries(targets)) {
    const path = `targets.${questionId}`;
    // A target kept as it was (also one carried over from the year before, which may be met or due by now).
    const kept = stored[questionId];
    if (kept && kept.option === t.option && kept.year === t.year) continue;
    const q = ref.questions.find((x) => x.id === questionId);
    if (!q) {
      issues.push({ path, message: "Diese Frage gibt es nicht." });
      continue;
    }
    if (!isScored(q)) {
      issues.push({
        path,
        message: `Für „${shortName(q)}“ lässt sich kein Ziel setzen: die Frage zählt nicht zum Reifegrad.`,
      });
      continue;
    }
    if (!q.options.some((o) => o.id === t.option))
      issues.push({ path: `${path}.option`, message: `Diese Antwort gibt es bei „${shortName(q)}“ nicht.` });
    else if (!targetOptions(q, answers[q.id]).some((o) => o.id === t.option))
      issues.push({
        path: `${path}.option`,
        message: `Das Ziel für „${shortName(q)}“ muss über Ihrer heutigen Antwort liegen.`,
      });
    if (t.year < currentYear)
      issues.push({ path: `${path}.year`, message: `Das Zieljahr darf nicht vor ${currentYear} liegen.` });
    else if (t.year > currentYear + TARGET_YEARS_AHEAD)
      issues.push({
        path: `${path}.year`,
        message: `Das Zieljahr darf höchstens ${TARGET_YEARS_AHEAD} Jahre in der Zukunft liegen (bis ${currentYear + TARGET_YEARS_AHEAD}).`,
      });
  }
  return issues;
}

/** Today's answers with every target reached: the target state. */
export function applyTargets(ref: TReference, answers: TAnswerSet, targets: TTargets): TAnswerSet {
  const out: TAnswerSet = { ...answers };
  for (const [questionId, t] of Object.entries(targets)) {
    const q = ref.questions.find((x) => x.id === questionId);
    if (!q || isTargetMet(q, answers[q.id], t)) continue;
    if (q.type === "multi") {
      const chosen = (Array.isArray(answers[q.id]) ? (answers[q.id] as string[]) : []).filter(
        (id) => !q.options.find((o) => o.id === id)?.exclusive,
      );
      out[q.id] = q.options.map((o) => o.id).filter((id) => id === t.option || chosen.includes(id));
    } else out[q.id] = t.option;
  }
  return out;
}

/** Per dimension: today's score and the score with every target reached (0–100, one decimal). */
export function targetGap(
  ref: TReference,
  answers: TAnswerSet,
  targets: TTargets,
): { id: TIndexDimension; now: number | null; target: number | null }[] {
  const now = computeIndex(ref, answers);
  const aim = computeIndex(ref, applyTargets(ref, answers, targets));
  return DIMENSIONS.map((id) => ({
    id,
    now: now.dimensions.find((d) => d.id === id)!.score,
    target: aim.dimensions.find((d) => d.id === id)!.score,
  }));
}

export type TPlanRow = {
  questionId: string;
  name: string;
  today: string;
  target: string;
  year: number;
  responsible: string;
  /** Whether today's answer reaches the target (a target carried over from the year before). */
  met: boolean;
};

/** The Maßnahmenplan: the targets by the recommendations' priority, then in questionnaire order. */
export function buildPlan(ref: TReference, answers: TAnswerSet, targets: TTargets): TPlanRow[] {
  return ref.questions
    .flatMap((q, order) => {
      const t = targets[q.id];
      if (!t) return [];
      const priority = q.recommendation?.priority ?? 99;
      const row: TPlanRow = {
        questionId: q.id,
        name: shortName(q),
        today: answerLabel(q, answers[q.id]),
        target: q.options.find((o) => o.id === t.option)?.label ?? t.option,
        year: t.year,
        responsible: t.responsible,
        met: isTargetMet(q, answers[q.id], t),
      };
      return [{ priority, order, row }];
    })
    .sort((a, b) => a.priority - b.priority || a.order - b.order)
    .map((x) => x.row);
}

/** Is there anything a target can be set for? The scored questions, in questionnaire order. */
export const targetQuestions = (ref: TReference) => ref.questions.filter(isScored);
