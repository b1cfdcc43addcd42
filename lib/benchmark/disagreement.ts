import type { TQuestion } from "../survey/schema";
import type { TAnswerValue } from "../survey/value-schema";

/**
 * Where the people of one unit disagree (docs/adr/0014-colleagues.md): per question, how the answers
 * spread over the people who gave them, whether they differ, and for an ordinal question how far apart they lie
 * on its scale. Pure: no database, no clock.
 *
 * - A skipped question ("Weiß ich nicht, soll jemand anderes beantworten") and an open one are no answer: they are
 *   counted apart and never make a disagreement.
 * - Two answers are the same when they hold the same options (a multi-choice answer's order does not matter).
 * - disputed: at least two different answers were given.
 * - distance (ordinal questions only): the largest rank given minus the smallest, over the answers with a rank
 *   ("Weiß nicht" has none); scaleMax is the scale's largest rank, so distance / scaleMax lies in 0…1.
 * - dissent: the share of answers outside the largest group (0 when all agree; 1 − largest / answered).
 * - spread, the sort key: distance / scaleMax for an ordinal question, dissent for any other.
 */

export const SKIP = "skip";

export type TRespondent = { id: string; role: string; own?: boolean };
export type TResponse = { respondent: TRespondent; value: TAnswerValue | typeof SKIP | null };

export type TAnswerGroup = {
  /** The answer as stored: one option id, or the option ids of a multi-choice answer in questionnaire order. */
  value: TAnswerValue;
  respondents: TRespondent[];
};

export type TQuestionSpread = {
  questionId: string;
  groups: TAnswerGroup[];
  skipped: TRespondent[];
  open: TRespondent[];
  answered: number;
  disputed: boolean;
  distance: number | null;
  scaleMax: number | null;
  dissent: number;
  spread: number;
  /** The answer of the largest group when exactly one group is largest; null on a tie or without answers. */
  mostFrequent: TAnswerValue | null;
};

function normalise(q: TQuestion, value: TAnswerValue): TAnswerValue {
  if (!Array.isArray(value)) return value;
  const order = new Map(q.options.map((o, i) => [o.id, i]));
  return [...value].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

export function answerKey(value: TAnswerValue): string {
  return Array.isArray(value) ? value.join("+") : value;
}

/** The spread of one question's answers. Groups: largest first, then in the order of the question's options. */
export function spreadOfQuestion(q: TQuestion, responses: readonly TResponse[]): TQuestionSpread {
  const groups = new Map<string, TAnswerGroup>();
  const skipped: TRespondent[] = [];
  const open: TRespondent[] = [];
  for (const r of responses) {
    if (r.value === null) open.push(r.respondent);
    else if (r.value === SKIP) skipped.push(r.respondent);
    else {
      const value = normalise(q, r.value);
      const key = answerKey(value);
      const group = groups.get(key) ?? { value, respondents: [] };
      group.respondents.push(r.respondent);
      groups.set(key, group);
    }
  }
  const optionOrder = new Map(q.options.map((o, i) => [o.id, i]));
  const firstOption = (v: TAnswerValue) => optionOrder.get(Array.isArray(v) ? (v[0] ?? "") : v) ?? 0;
  const sorted = [...groups.values()].sort(
    (a, b) =>
      b.respondents.length - a.respondents.length ||
      firstOption(a.value) - firstOption(b.value) ||
      answerKey(a.value).localeCompare(answerKey(b.value)),
  );
  const answered = sorted.reduce((n, g) => n + g.respondents.length, 0);
  const largest = sorted[0]?.respondents.length ?? 0;
  const dissent = answered === 0 ? 0 : 1 - largest / answered;
  const tie = sorted.length > 1 && sorted[1]!.respondents.length === largest;

  let distance: number | null = null;
  let scaleMax: number | null = null;
  if (q.ordinal && q.type === "single") {
    const ranks = q.options.map((o) => o.rank).filter((r): r is number => typeof r === "number");
    scaleMax = ranks.length > 0 ? Math.max(...ranks) : null;
    const given = sorted
      .map((g) => q.options.find((o) => o.id === g.value)?.rank)
      .filter((r): r is number => typeof r === "number");
    distance = given.length > 0 ? Math.max(...given) - Math.min(...given) : null;
  }
  const spread = scaleMax ? (distance ?? 0) / scaleMax : dissent;
  return {
    questionId: q.id,
    groups: sorted,
    skipped,
    open,
    answered,
    disputed: sorted.length > 1,
    distance,
    scaleMax,
    dissent,
    spread,
    mostFrequent: sorted.length === 0 || tie ? null : sorted[0]!.value,
  };
}

/**
 * The questions with the widest disagreement first: disputed before undisputed, then by spread, then by dissent,
 * then in questionnaire order (the order of `questions`).
 */
export function sortByDisagreement(spreads: readonly TQuestionSpread[]): TQuestionSpread[] {
  const position = new Map(spreads.map((s, i) => [s.questionId, i]));
  return [...spreads].sort(
    (a, b) =>
      Number(b.disputed) - Number(a.disputed) ||
      b.spread - a.spread ||
      b.dissent - a.dissent ||
      position.get(a.questionId)! - position.get(b.questionId)!,
  );
}

/** Every question's spread, widest disagreement first. */
export function compareAnswers(
  questions: readonly TQuestion[],
  respondents: readonly { respondent: TRespondent; answers: Readonly<Record<string, TAnswerValue | typeof SKIP>> }[],
): TQuestionSpread[] {
  return sortByDisagreement(
    questions.map((q) =>
      spreadOfQuestion(
        q,
        respondents.map((r) => ({ respondent: r.respondent, value: r.answers[q.id] ?? null })),
      ),
    ),
  );
}
