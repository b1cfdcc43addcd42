import {
  aggregatePeers,
  matchesFilter,
  publishableCells,
  type TIndexStats,
  type TPeerCell,
  type TPeerFilter,
} from "../peers/aggregate";
import { getStateName, STATES, type TStateCode } from "../profile/states";
import { getSizeClass, SIZE_CLASSES, type TSizeClass } from "../profile/size-class";
import { round1 } from "../format/round";
import { QUESTION_SHORT_NAMES } from "../benchmark/year-over-year";
import type { TReference } from "../survey/schema";
import {
  buildStrata,
  degreesOfFreedom,
  estimateMean,
  estimateShare,
  type TCollapse,
  type TEstimate,
  type TStratum,
} from "./estimate";
import { formatDecimal, formatFixedDecimal } from "../format/number";

/**
 * The Lagebild (docs/adr/0011-lagebild-estimate.md): the collective picture of the municipalities on this instance, from the current
 * peer release only and with the peer comparison's rules (docs/adr/0005): a cell with fewer than k counts
 * nowhere, and a filter below k shows the suppression notice. Pure: the page, the API and the exports use it.
 */

/** The questions whose "in use" share makes the headline "2020: 16 % mit E-Akte – heute (Schätzung …)". */
export const HEADLINE_QUESTIONS = [
  "e_file",
  "e_invoice",
  "e_payment",
  "online_applications",
  "online_portal",
  "citizen_app",
];

/** The download's file name without extension: "Digitalcheck-Lagebild-DE-SH-5000_19999". */
export const lagebildFileName = (l: Pick<TLagebild, "filter">) =>
  ["Digitalcheck-Lagebild", l.filter.state ?? "DE", l.filter.sizeClass ?? "alle"].join("-");

/** What a Lagebild covers, in words: "Deutschland", "Bayern, Kleinstädte". */
export const lagebildScope = (filter: TLagebild["filter"]) =>
  [
    filter.state ? getStateName(filter.state) : "Deutschland",
    filter.sizeClass ? getSizeClass(filter.sizeClass).townTypePlural : null,
  ]
    .filter(Boolean)
    .join(", ");

/** The headlines "E-Akte im Einsatz: 2020 16 % – heute …": each headline question with an estimate for today. */
export function lagebildHeadlines(l: TLagebild) {
  return HEADLINE_QUESTIONS.flatMap((id) => {
    const o = l.questions.find((q) => q.id === id)?.options.find((x) => x.id === "in_use");
    return o?.estimate ? [{ id, name: QUESTION_SHORT_NAMES[id]!, share2020: o.share2020, estimate: o.estimate }] : [];
  });
}

/** The Lagebild's sentence on the participants' index (page and PDF). */
export function lagebildIndexSentence(l: TLagebild): string {
  const x = l.index!.stats;
  const participants =
    x.median === null
      ? `Mittelwert ${formatDecimal(x.mean)} Punkte (Median und Verteilung zeigen wir erst ab ${2 * l.k} Verwaltungen).`
      : `Median ${formatDecimal(x.median)} Punkte; die Hälfte der teilnehmenden Verwaltungen liegt zwischen ${formatDecimal(x.p25)} und ${formatDecimal(x.p75)} Punkten (Mittelwert ${formatDecimal(x.mean)}).`;
  return l.estimate.shown
    ? `${participants} Geschätzt für alle Verwaltungen: ${formatDecimal(l.estimate.index.value)} Punkte (${intervalText(l.estimate.index, "Punkte")}).`
    : participants;
}

/** A range of an estimate, the same on the page, in the PDF and in the CSV/XLSX: "2,1–13,6 %". */
export const rangeText = (e: TRange, unit: "%" | "Punkte" = "%") =>
  `${formatFixedDecimal(e.low)}–${formatFixedDecimal(e.high)}\u00a0${unit}`;

/** "95-%-Konfidenzintervall: 2,1–13,6 %", or for a full census that it has no random error. */
export const intervalText = (e: TRange, unit: "%" | "Punkte" = "%") =>
  e.census ? "Vollerhebung, ohne Zufallsfehler" : `95-%-Konfidenzintervall: ${rangeText(e, unit)}`;

/** "7,8 % (95-%-Konfidenzintervall: 2,1–13,6 %)". */
export const estimateText = (e: TRange, unit: "%" | "Punkte" = "%") =>
  `${formatFixedDecimal(e.value)}\u00a0${unit} (${intervalText(e, unit)})`;

/** n of `of` in percent with one decimal; null for an empty base. */
export const sharePct = (n: number, of: number) => (of === 0 ? null : round1((n * 100) / of));

/** An estimate in percent (or points), one decimal; the bounds rounded outward so that they still enclose it. */
export type TRange = { value: number; low: number; high: number; census: boolean };

type TCoverageCell = {
  state: TStateCode;
  sizeClass: TSizeClass;
  /**
   * Verified participants of the release, demo data not counted; null when the cell has fewer than k (not
   * shown, counted nowhere).
   */
  participants: number | null;
  /** Units (administrations) of the official register. */
  total: number;
};

export type TLagebild = {
  filter: { state: TStateCode | null; sizeClass: TSizeClass | null };
  k: number;
  suppressed: boolean;
  /** The instance holds demo data (npm run seed:demo); it never counts in the Lagebild. */
  demoData: boolean;
  release: { releasedAt: string; count: number } | null;
  coverage: TCoverageCell[];
  totals: { participants: number; total: number };
  byState: { state: TStateCode; participants: number; total: number }[];
  bySizeClass: { sizeClass: TSizeClass; participants: number; total: number }[];
  /** The participants' index; the histogram, like median and quartiles, only from 2k (docs/adr/0005). */
  index: { stats: TIndexStats; histogram: { from: number; to: number; count: number }[] | null } | null;
  questions: {
    id: string;
    options: {
      id: string;
      /** % of all municipalities in 2020 (press release); null where it gives none. */
      share2020: number | null;
      /** % of the participants (released cells of the filter). */
      share: number;
      /** Estimate for all municipalities of the filter (%), null where none is shown. */
      estimate: TRange | null;
    }[];
  }[];
  /** The estimate for all municipalities: its method and coverage, or why there is none. */
  estimate:
    | {
        shown: true;
        participants: number;
        total: number;
        strata: number;
        /** Degrees of freedom of the intervals: participants minus strata. */
        degreesOfFreedom: number;
        /** Cells estimated with a neighbouring size class of their state. */
        collapsed: TCollapse[];
        /** States of the filter without participants, represented by their size classes elsewhere. */
        missingStates: TStateCode[];
        /** Every stratum takes part completely: no random error. */
        census: boolean;
        index: TRange;
      }
    | { shown: false; reason: string; missingStates: TStateCode[] };
};

/** An estimate to one decimal, scaled (a share 0…1 to percent: 100); the bounds rounded outward. */
const rounded = (e: TEstimate, scale = 1): TRange => ({
  value: round1(e.value * scale),
  low: e.census ? round1(e.value * scale) : Math.floor(e.low * scale * 10 + 1e-9) / 10,
  high: e.census ? round1(e.value * scale) : Math.ceil(e.high * scale * 10 - 1e-9) / 10,
  census: e.census,
});

export function buildLagebild(input: {
  cells: readonly TPeerCell[];
  registerCount: (state: TStateCode, sizeClass: TSizeClass) => number;
  filter: TPeerFilter;
  k: number;
  ref: TReference;
  /** The instance holds demo data; `cells` must already be without it. */
  demoData?: boolean;
}): TLagebild {
  const demoData = input.demoData ?? false;
  const { filter, ref } = input;
  const view = aggregatePeers(input.cells, filter, input.k);
  const k = view.k;
  const shown = publishableCells(input.cells, k).filter((c) => matchesFilter(c, filter));
  const byKey = new Map(shown.map((c) => [`${c.state}|${c.sizeClass}`, c]));
  const coverage: TCoverageCell[] = [];
  for (const s of STATES)
    for (const c of SIZE_CLASSES) {
      if (!matchesFilter({ state: s.code, sizeClass: c.id }, filter)) continue;
      const total = input.registerCount(s.code, c.id);
      if (total === 0) continue;
      coverage.push({
        state: s.code,
        sizeClass: c.id,
        participants: byKey.get(`${s.code}|${c.id}`)?.count ?? null,
        total,
      });
    }
  const sum = (cells: TCoverageCell[]) => ({
    participants: cells.reduce((n, c) => n + (c.participants ?? 0), 0),
    total: cells.reduce((n, c) => n + c.total, 0),
  });
  const byState = STATES.map((s) => ({ state: s.code, ...sum(coverage.filter((c) => c.state === s.code)) })).filter(
    (r) => r.total > 0,
  );
  const bySizeClass = SIZE_CLASSES.map((c) => ({
    sizeClass: c.id,
    ...sum(coverage.filter((x) => x.sizeClass === c.id)),
  })).filter((r) => r.total > 0);
  const totals = sum(coverage);

  if (view.suppressed)
    return {
      filter: view.filters,
      k,
      suppressed: true,
      demoData,
      release: null,
      coverage,
      totals,
      byState,
      bySizeClass,
      index: null,
      questions: [],
      estimate: {
        shown: false,
        reason: `Zu wenige teilnehmende Verwaltungen: Zahlen zeigen wir erst ab ${k}.`,
        missingStates: [],
      },
    };

  // Ten bins of 10 points; 100 falls into the last.
  const histogram = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
  for (const x of shown.flatMap((c) => c.indexScores)) histogram[Math.min(9, Math.floor(x / 10))]!.count += 1;

  const strata = buildStrata(
    coverage.map((c) => ({ state: c.state, sizeClass: c.sizeClass, N: c.total, n: c.participants ?? 0 })),
    (id) => getSizeClass(id).label,
  );
  const cellsOf = (s: TStratum) =>
    s.cells.map((c) => byKey.get(`${s.state}|${c.sizeClass}`)).filter((c): c is TPeerCell => c !== undefined);
  const shares = new Map(view.questions.map((q) => [q.id, q.shares]));
  const questions = ref.questions.map((q) => ({
    id: q.id,
    options: q.options.map((o) => ({
      id: o.id,
      share2020: o.share ?? null,
      share: shares.get(q.id)?.[o.id] ?? 0,
      estimate: strata.ok
        ? rounded(
            estimateShare(strata.strata, (s) =>
              cellsOf(s).reduce((n, c) => n + (c.optionCounts[q.id]?.[o.id] ?? 0), 0),
            ),
            100,
          )
        : null,
    })),
  }));
  return {
    filter: view.filters,
    k,
    suppressed: false,
    demoData,
    release: view.release,
    coverage,
    totals,
    byState,
    bySizeClass,
    // The index figures with the comparison's rule: none from fewer than k scores, the distribution (median,
    // quartiles, histogram) not from fewer than 2k.
    index: view.index ? { stats: view.index, histogram: view.index.median === null ? null : histogram } : null,
    questions,
    estimate: strata.ok
      ? {
          shown: true,
          participants: strata.participants,
          total: strata.total,
          strata: strata.strata.length,
          degreesOfFreedom: degreesOfFreedom(strata.strata),
          collapsed: strata.collapsed,
          missingStates: strata.missingStates,
          census: strata.strata.every((s) => s.n >= s.weight),
          index: rounded(estimateMean(strata.strata, (s) => cellsOf(s).flatMap((c) => c.indexScores))),
        }
      : { shown: false, reason: strata.reason, missingStates: strata.missingStates },
  };
}
