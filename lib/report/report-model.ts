import { membersLabel } from "../municipalities/units";
import { populationText, unitTitle, type TUnitDescription } from "../municipalities/unit-text";
import { releaseLabel } from "../peers/release-label";
import type { TReference } from "../survey/schema";
import type { TBenchmark } from "../benchmark/compute-benchmark";
import type { TPeerComparison } from "../peers/peer-query";
import { rankPoints, type TRankedPoint } from "../benchmark/strengths";
import { buildEasyResult } from "../easy-language/easy-result";
import { reviewNote, type TEasyReview, type TEasySection } from "../easy-language/content";
import { getStateName, type TStateCode } from "../profile/states";
import { getSizeClass, type TSizeClass } from "../profile/size-class";
import { getRoleLabel, type TRespondentRole } from "../profile/profile-schema";
import { isDerivedShare, shareLabel } from "../survey/share-label";
import { nationalMeanNote, shareBaseNote } from "../benchmark/method-notes";
import { DIMENSION_LABELS } from "../benchmark/compute-benchmark";
import { periodFileLabel } from "../format/calendar";
import { changedNames, changeNote, type THistoryItem, type TYearComparison } from "../benchmark/year-over-year";
import type { TPlanRow } from "../benchmark/targets";
import { formatDecimal } from "../format/number";

export type TReportBar = { label: string; share: number | null; derived: boolean; isOwn: boolean };

export type TReportQuestion = {
  id: string;
  text: string;
  statements: { text: string; derived: boolean }[];
  position: string | null;
  national: TReportBar[];
  /** Peers' shares per option; null when the peer group is suppressed. */
  peers: { label: string; share: number; isOwn: boolean }[] | null;
};

/** The page "Wo wir uns uneinig sind" (docs/adr/0014-colleagues.md): the comparison in words, widest first. */
export type TReportDisagreement = {
  summary: string;
  rows: { name: string; answers: string; distance: string; disputed: boolean }[];
};

export type TReportModel = {
  disagreement?: TReportDisagreement | null;
  title: string;
  fileName: string;
  isDraft: boolean;
  cover: {
    municipality: string;
    state: string;
    sizeClass: string;
    role: string;
    date: string;
    status: string;
    ags: string | null;
    /** "Verwaltung" for a Gemeindeverband, "Kommune" otherwise. */
    unitLabel: string;
    /** An administration's rows (members, population served, key); empty for a Gemeinde. */
    unitRows: [string, string][];
  };
  summary: {
    score: number | null;
    level: string | null;
    levelDescription: string | null;
    nationalMean: number;
    nationalLevel: string;
    dimensions: { label: string; score: number | null; nationalMean: number }[];
    strongest: { text: string; detail: string }[];
    weakest: { text: string; detail: string }[];
    unanswered: number;
  };
  topics: { title: string; questions: TReportQuestion[] }[];
  peerGroup: {
    label: string;
    count: number | null;
    registerTotal: number;
    suppressed: boolean;
    k: number;
    /** "Stand: 3. Dezember 2026, 112 Kommunen" of the release shown; null when suppressed. */
    release: string | null;
  };
  recommendations: { title: string; text: string }[];
  /** Year after year: the change since the year before; null for a first assessment. */
  progress: {
    /** The names of both (periodLabels): "2025" and "2026", or "März 2026" and "Dezember 2026". */
    previousLabel: string;
    label: string;
    indexBefore: number | null;
    indexNow: number | null;
    dimensions: { label: string; before: number | null; now: number | null }[];
    /** "E-Akte: 2025 „Geplant …“ → 2026 „Ja, im Einsatz“ (Fortschritt)" */
    changes: string[];
    newStrengths: string[];
    newGaps: string[];
    history: { label: string; index: number | null }[];
  } | null;
  /** The Maßnahmenplan: the targets in the order of priority. */
  plan: TPlanRow[];
  /**
   * The result in Leichter Sprache (lib/easy-language/easy-result.ts), when asked for: the pages after the
   * cover, with the note on the check by a group of readers (reviewNote).
   */
  easy: { note: string[]; sections: TEasySection[] } | null;
  method: {
    source: string;
    /** Title and address of the press release every 2020 figure comes from. */
    title: string;
    url: string;
    sample: number;
    fieldwork: string;
    published: string;
    /** The method's notes, as the results page and /methodik say them (lib/benchmark/method-notes.ts). */
    nationalMeanNote: string;
    shareBaseNote: string;
  };
};

const formatDate = (d: Date) =>
  d.toLocaleDateString("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" });

/**
 * "Digitalcheck-Großenhain-2026-11-25.pdf"; with earlier years the assessment's label comes first
 * ("Digitalcheck-Großenhain-Maerz-2026-Stand-2026-12-07.pdf"), so that the reports of the years never share a
 * name. Characters that no file system likes become "-".
 */
export function reportFileName(municipality: string, date: Date, period?: string): string {
  const iso = date.toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
  const safe = municipality
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]+/g, "-")
    .replace(/\s+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  // Cut by code points, never inside a surrogate pair (a split pair makes the name unencodable).
  const short = Array.from(safe).slice(0, 80).join("") || "Kommune";
  return period
    ? `Digitalcheck-${short}-${periodFileLabel(period)}-Stand-${iso}.pdf`
    : `Digitalcheck-${short}-${iso}.pdf`;
}

const pct = (n: number) => `${formatDecimal(n)}\u00a0%`;

/**
 * Everything the PDF report shows, as plain data (pure; the date is passed in). The same benchmark
 * and peer figures as the results page.
 */
export function buildReportModel(input: {
  ref: TReference;
  benchmark: TBenchmark;
  peers: TPeerComparison | null;
  municipality: { name: string; state: TStateCode; sizeClass: TSizeClass; ags: string | null };
  /** The unit the assessment answers for (docs/adr/0013-administrations-as-units.md); a Gemeinde without it. */
  unit?: TUnitDescription;
  respondentRole: TRespondentRole;
  status: "draft" | "submitted";
  now: Date;
  comparison?: TYearComparison | null;
  history?: THistoryItem[];
  plan?: TPlanRow[];
  /** The result in Leichter Sprache, with the check of its texts as the operator confirmed it (or none). */
  easyLanguage?: { review: TEasyReview } | false;
  /** Where the unit's own people disagree; null or absent without colleagues who answered. */
  disagreement?: TReportDisagreement | null;
}): TReportModel {
  const { ref, benchmark: b, peers, municipality: m } = input;
  const items = new Map(b.items.map((i) => [i.questionId, i]));
  const isDraft = input.status !== "submitted";
  const sizeClass = getSizeClass(m.sizeClass);

  const describe = ({ question, item }: TRankedPoint) => ({
    text: item.statements[0]?.text ?? question.text,
    detail: item.ahead ? `Sie liegen vor ${item.derived ? "rund " : ""}${pct(item.ahead)} der Kommunen.` : "",
  });
  const points = rankPoints(ref, b);
  const strongest = points.strongest.map(describe);
  const weakest = points.weakest.map(describe);

  const peerShares = new Map(peers && !peers.suppressed ? peers.questions.map((q) => [q.id, q.shares]) : []);
  const topics = ref.topics.map((t) => ({
    title: t.title,
    questions: ref.questions
      .filter((q) => q.topic === t.id)
      .map((q): TReportQuestion => {
        const item = items.get(q.id);
        const chosen = new Set(item ? (Array.isArray(item.answer) ? item.answer : [item.answer]) : []);
        const shares = peerShares.get(q.id);
        return {
          id: q.id,
          text: q.text,
          statements: item
            ? item.statements.map((s) => ({ text: s.text, derived: s.derived }))
            : [{ text: "Noch nicht beantwortet.", derived: false }],
          // "vor 0 %" says nothing: the lowest answer gets no position sentence.
          position:
            item && item.ahead ? `Sie liegen vor ${item.derived ? "rund " : ""}${pct(item.ahead)} der Kommunen.` : null,
          national: q.options.map((o) => ({
            label: shareLabel(o),
            share: o.share,
            derived: isDerivedShare(o),
            isOwn: chosen.has(o.id),
          })),
          peers: shares
            ? q.options.map((o) => ({ label: shareLabel(o), share: shares[o.id] ?? 0, isOwn: chosen.has(o.id) }))
            : null,
        };
      }),
  }));

  const date = formatDate(input.now);
  // The typographic apostrophe: Fira's shaping of the ASCII one loses its text mapping in the PDF.
  const unit = input.unit;
  const displayName = (unit ? unitTitle(unit) : m.name).replace(/'/g, "\u2019");
  return {
    title: `Digitalcheck ${displayName} – Bericht vom ${date}`,
    fileName: reportFileName(
      m.name,
      input.now,
      input.history && input.history.length > 1 ? input.history[input.history.length - 1]!.label : undefined,
    ),
    isDraft,
    cover: {
      municipality: displayName,
      state: getStateName(m.state),
      sizeClass: `${sizeClass.townType} (${sizeClass.label})`,
      role: getRoleLabel(input.respondentRole),
      date,
      status: isDraft ? "Entwurf – nicht abgeschlossen" : "Abgeschlossen",
      ags: m.ags,
      unitLabel: unit?.kind === "verwaltung" ? "Verwaltung" : "Kommune",
      unitRows:
        unit?.kind === "verwaltung"
          ? [
              ["Verwaltung für", `${membersLabel(unit.memberCount)}: ${unit.members.join(", ")}`],
              ["Einwohnerzahl", populationText(unit)],
            ]
          : unit?.administeredBy
            ? [["Verwaltung", `${unit.administeredBy} (im Vergleich zählt dessen Selbsteinschätzung)`]]
            : [],
    },
    summary: {
      score: b.index.score,
      level: b.index.level?.name ?? null,
      levelDescription: b.index.level?.description ?? null,
      nationalMean: b.index.nationalMean,
      nationalLevel: b.index.nationalLevel.name,
      dimensions: b.index.dimensions.map((d) => ({ label: d.label, score: d.score, nationalMean: d.nationalMean })),
      strongest,
      weakest,
      unanswered: b.unanswered.length,
    },
    topics,
    peerGroup: {
      label: `${sizeClass.townTypeDativePlural} in ${getStateName(m.state)}`,
      count: peers?.count ?? null,
      registerTotal: peers?.registerTotal ?? 0,
      suppressed: peers?.suppressed ?? true,
      k: peers?.k ?? 5,
      release: peers?.release ? releaseLabel(peers.release) : null,
    },
    recommendations: b.recommendations.map((r) => ({ title: r.title, text: r.text })),
    progress: input.comparison ? describeProgress(input.comparison, input.history ?? []) : null,
    plan: input.plan ?? [],
    disagreement: input.disagreement ?? null,
    easy: input.easyLanguage
      ? {
          note: reviewNote(input.easyLanguage.review),
          sections: buildEasyResult({ ref, benchmark: b, status: isDraft ? "draft" : "submitted" }),
        }
      : null,
    method: {
      source: ref.source.publisher,
      title: ref.source.title,
      url: ref.source.url,
      nationalMeanNote: nationalMeanNote(ref),
      shareBaseNote: shareBaseNote(ref),
      sample: ref.source.sample,
      fieldwork: ref.source.fieldworkText,
      published: new Date(ref.source.published).toLocaleDateString("de-DE", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }),
    },
  };
}

function describeProgress(c: TYearComparison, history: THistoryItem[]): NonNullable<TReportModel["progress"]> {
  return {
    previousLabel: c.previousLabel,
    label: c.label,
    indexBefore: c.indexBefore,
    indexNow: c.indexNow,
    dimensions: c.dimensions.map((d) => ({ label: DIMENSION_LABELS[d.id], before: d.before, now: d.now })),
    changes: c.changes.map(
      (x) => `${x.name}: ${c.previousLabel} „${x.fromLabel}“ → ${c.label} „${x.toLabel}“${changeNote(x.direction)}`,
    ),
    newStrengths: changedNames(c, c.newStrengths),
    newGaps: changedNames(c, c.newGaps),
    history: history.map((h) => ({ label: h.label, index: h.index })),
  };
}
