import { compareAnswers, type TRespondent } from "../benchmark/disagreement";
import { reference } from "../survey/reference";
import { colleagueRoleLabel } from "./api-schemas";
import type { TAnswerValue } from "../survey/value-schema";

export type TComparisonRespondent = TRespondent & { roleLabel: string; label: string | null; own: boolean };

export type TComparisonQuestion = {
  questionId: string;
  question: string;
  ordinal: boolean;
  disputed: boolean;
  distance: number | null;
  scaleMax: number | null;
  spread: number;
  dissent: number;
  mostFrequent: TAnswerValue | null;
  own: TAnswerValue | null;
  groups: { value: TAnswerValue; labels: string[]; respondents: string[] }[];
  skipped: string[];
  open: string[];
};

export const OWN_ID = "own";

/**
 * The comparison of the lead's own answers with their colleagues' (each a respondent), over every question of the
 * reference, widest disagreement first (lib/benchmark/disagreement.ts). Colleagues who answered nothing yet are
 * listed among the respondents but count nowhere.
 */
export function buildComparison(
  own: Readonly<Record<string, TAnswerValue>>,
  colleagues: readonly { id: string; role: string; label: string | null; answers: Record<string, TAnswerValue> }[],
): { respondents: TComparisonRespondent[]; questions: TComparisonQuestion[]; answered: number; disputed: number } {
  const respondents: TComparisonRespondent[] = [
    { id: OWN_ID, role: "lead", roleLabel: "Sie (federführend)", label: null, own: true },
    ...colleagues.map((c) => ({
      id: c.id,
      role: c.role,
      roleLabel: colleagueRoleLabel(c.role),
      label: c.label,
      own: false,
    })),
  ];
  const withAnswers = [
    { respondent: respondents[0]!, answers: own },
    ...colleagues.map((c, i) => ({ respondent: respondents[i + 1]!, answers: c.answers })),
  ];
  const spreads = compareAnswers(reference.questions, withAnswers);
  const byId = new Map(reference.questions.map((q) => [q.id, q]));
  const questions = spreads.map((s) => {
    const q = byId.get(s.questionId)!;
    const label = (id: string) => q.options.find((o) => o.id === id)?.label ?? id;
    return {
      questionId: s.questionId,
      question: q.text,
      ordinal: Boolean(q.ordinal),
      disputed: s.disputed,
      distance: s.distance,
      scaleMax: s.scaleMax,
      spread: s.spread,
      dissent: s.dissent,
      mostFrequent: s.mostFrequent,
      own: own[s.questionId] ?? null,
      groups: s.groups.map((g) => ({
        value: g.value,
        labels: (Array.isArray(g.value) ? g.value : [g.value]).map(label),
        respondents: g.respondents.map((r) => r.id),
      })),
      skipped: s.skipped.map((r) => r.id),
      open: s.open.map((r) => r.id),
    };
  });
  return {
    respondents,
    questions,
    answered: colleagues.filter((c) => Object.keys(c.answers).length > 0).length,
    disputed: questions.filter((q) => q.disputed).length,
  };
}
