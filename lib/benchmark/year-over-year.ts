import { berlinYear, periodLabels } from "../format/calendar";
import { DIMENSIONS, type TIndexDimension, type TQuestion, type TReference } from "../survey/schema";
import type { TAnswerValue } from "../survey/answer-schema";
import { computeIndex, isScored, scoreAnswer } from "./scoring";
import { formatDecimal } from "../format/number";

/**
 * Year after year (docs/adr/0010-year-after-year.md): what changed between two assessments of one municipality. Pure, so that the
 * results page, the PDF and GET …/history say the same.
 */

type TAnswerSet = Partial<Record<string, TAnswerValue>>;

/** A short name per question for change lines ("E-Akte: 2025 geplant → 2026 im Einsatz"). */
export const QUESTION_SHORT_NAMES: Record<string, string> = {
  crisis_drives_digitalisation: "Corona als Treiber der Digitalisierung",
  crisis_kept_running: "Digitale Werkzeuge in der Pandemie",
  chance_or_risk: "Digitalisierung: Chance oder Risiko",
  biggest_challenges: "Größte Herausforderungen",
  own_position: "Eigene Einschätzung",
  pandemic_investments: "Investitionen in der Pandemie",
  budget_2021: "Digital-Budget",
  digital_strategy: "Digitalstrategie",
  obstacles: "Hemmnisse der Digitalisierung",
  staff_digital_skills: "Digitale Kompetenz der Beschäftigten",
  investment_needs: "Bedarf an Digital-Investitionen",
  policy_wishes: "Wünsche an die Politik",
  e_invoice: "E-Rechnung",
  e_file: "E-Akte",
  e_payment: "E-Payment",
  online_applications: "Online-Anträge",
  online_portal: "Online-Verwaltungsportal",
  citizen_app: "Bürger-App",
  home_office_today: "Homeoffice heute",
  home_office_future: "Homeoffice nach der Pandemie",
  home_office_obstacles: "Gründe gegen Homeoffice",
};

export const shortName = (q: TQuestion) => QUESTION_SHORT_NAMES[q.id] ?? q.text;

export type TAnswerChange = { questionId: string; from: TAnswerValue | null; to: TAnswerValue | null };

const sameAnswer = (a: TAnswerValue | undefined, b: TAnswerValue | undefined) => {
  if (a === undefined || b === undefined) return a === b;
  const x = Array.isArray(a) ? [...a].sort() : [a];
  const y = Array.isArray(b) ? [...b].sort() : [b];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The questions whose answer differs between two answer sets, in questionnaire order. */
export function diffAnswers(ref: TReference, before: TAnswerSet, after: TAnswerSet): TAnswerChange[] {
  return ref.questions
    .filter((q) => !sameAnswer(before[q.id], after[q.id]))
    .map((q) => ({ questionId: q.id, from: before[q.id] ?? null, to: after[q.id] ?? null }));
}

export type TChainEntry = {
  id: string;
  status: "draft" | "submitted";
  createdAt: string;
  submittedAt: string | null;
  answers: TAnswerSet;
};

export type THistoryItem = {
  id: string;
  status: "draft" | "submitted";
  submittedAt: string | null;
  /** The year it stands for: of its submission, or of its creation while it is a draft. */
  year: number;
  /** How it is named: its year, or month and year where another of the chain shares the year (periodLabels). */
  label: string;
  index: number | null;
  dimensions: Record<TIndexDimension, number | null>;
  /** Against the assessment before it in the chain (empty for the first). */
  changes: TAnswerChange[];
};

/** The year an assessment stands for in Germany: of its submission, or of its creation while it is a draft. */
export const yearOf = (e: { createdAt: string; submittedAt: string | null }) => berlinYear(momentOf(e));

/** The moment an assessment stands for: its submission, or its creation while it is a draft. */
const momentOf = (e: { createdAt: string; submittedAt: string | null }) => new Date(e.submittedAt ?? e.createdAt);

/** The labels of a chain's assessments, by the one rule of lib/format/calendar.ts. */
export const chainLabels = (chain: readonly { createdAt: string; submittedAt: string | null }[]) =>
  periodLabels(chain.map(momentOf));

/** The chain of one municipality, oldest first, as GET …/history returns it. */
export function buildHistory(ref: TReference, chain: readonly TChainEntry[]): THistoryItem[] {
  const labels = chainLabels(chain);
  return chain.map((entry, i) => {
    const index = computeIndex(ref, entry.answers);
    return {
      id: entry.id,
      status: entry.status,
      submittedAt: entry.submittedAt,
      year: yearOf(entry),
      label: labels[i]!,
      index: index.score,
      dimensions: Object.fromEntries(index.dimensions.map((d) => [d.id, d.score])) as Record<
        TIndexDimension,
        number | null
      >,
      changes: i === 0 ? [] : diffAnswers(ref, chain[i - 1]!.answers, entry.answers),
    };
  });
}

/** The years a results page compares: the submitted ones and the newest (also while it is a draft). */
export const comparableYears = (chain: readonly TChainEntry[]) =>
  chain.filter((e, i) => e.status === "submitted" || i === chain.length - 1);

/**
 * What the results page and the PDF show of the years: the history of the comparable years, and the
 * comparison of the newest with the one before (null for a first assessment).
 */
export function yearsView(
  ref: TReference,
  chain: readonly TChainEntry[],
): { history: THistoryItem[]; comparison: TYearComparison | null } {
  const years = comparableYears(chain);
  const history = buildHistory(ref, years);
  return {
    history,
    comparison:
      years.length > 1
        ? compareYears(ref, years[years.length - 2]!, years[years.length - 1]!, [
            history[history.length - 2]!.label,
            history[history.length - 1]!.label,
          ])
        : null,
  };
}

export type TDirection = "better" | "worse" | "other";

export type TChangeLine = {
  questionId: string;
  name: string;
  fromLabel: string;
  toLabel: string;
  direction: TDirection;
};

/** " (Fortschritt)", " (Rückschritt)" or nothing, after a change line. */
export const changeNote = (direction: TDirection) =>
  direction === "better" ? " (Fortschritt)" : direction === "worse" ? " (Rückschritt)" : "";

/** The change between two index values as shown: "+3,5", "−1", "±0", "–" when one is missing. */
export function formatDelta(before: number | null, now: number | null): string {
  if (before === null || now === null) return "–";
  const d = Math.round((now - before) * 10) / 10;
  return d === 0 ? "±0" : `${d > 0 ? "+" : "−"}${formatDecimal(Math.abs(d))}`;
}

/** The short names of questions of a comparison (its new strengths or gaps): each is among its changes. */
export const changedNames = (c: TYearComparison, ids: readonly string[]) =>
  ids.map((id) => c.changes.find((x) => x.questionId === id)!.name);

/** An answer in words: its options' labels, "keine Angabe" when unanswered. */
export const answerLabel = (q: TQuestion, value: TAnswerValue | null | undefined) => {
  if (value === null || value === undefined) return "keine Angabe";
  const ids = Array.isArray(value) ? value : [value];
  if (ids.length === 0) return "nichts gewählt";
  return ids.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join(", ");
};

/** A change as a line for people: the question's short name, both answers and whether it is progress. */
export function describeChange(ref: TReference, change: TAnswerChange): TChangeLine {
  const q = ref.questions.find((x) => x.id === change.questionId)!;
  let direction: TDirection = "other";
  if (isScored(q)) {
    const from = scoreAnswer(q, change.from ?? undefined) ?? 0;
    const to = scoreAnswer(q, change.to ?? undefined) ?? 0;
    direction = to > from ? "better" : to < from ? "worse" : "other";
  }
  return {
    questionId: q.id,
    name: shortName(q),
    fromLabel: answerLabel(q, change.from),
    toLabel: answerLabel(q, change.to),
    direction,
  };
}

export type TYearComparison = {
  previousYear: number;
  year: number;
  /** The names of both (periodLabels): "2025" and "2026", or "März 2026" and "Dezember 2026". */
  previousLabel: string;
  label: string;
  indexBefore: number | null;
  indexNow: number | null;
  dimensions: { id: TIndexDimension; before: number | null; now: number | null }[];
  changes: TChangeLine[];
  /** Scored questions now at their best answer that were not before. */
  newStrengths: string[];
  /** Scored questions whose answer scores lower than the year before. */
  newGaps: string[];
};

/** What changed from one assessment to the next, for the results page and the PDF. */
export function compareYears(
  ref: TReference,
  before: TChainEntry,
  now: TChainEntry,
  labels: readonly [string, string] = chainLabels([before, now]) as [string, string],
): TYearComparison {
  const a = computeIndex(ref, before.answers);
  const b = computeIndex(ref, now.answers);
  const changes = diffAnswers(ref, before.answers, now.answers).map((c) => describeChange(ref, c));
  const best = (q: TQuestion, value: TAnswerValue | undefined) => scoreAnswer(q, value) === 1;
  return {
    previousYear: yearOf(before),
    year: yearOf(now),
    previousLabel: labels[0],
    label: labels[1],
    indexBefore: a.score,
    indexNow: b.score,
    dimensions: DIMENSIONS.map((id) => ({
      id,
      before: a.dimensions.find((d) => d.id === id)!.score,
      now: b.dimensions.find((d) => d.id === id)!.score,
    })),
    changes,
    newStrengths: ref.questions
      .filter((q) => isScored(q) && best(q, now.answers[q.id]) && !best(q, before.answers[q.id]))
      .map((q) => q.id),
    newGaps: changes.filter((c) => c.direction === "worse").map((c) => c.questionId),
  };
}
