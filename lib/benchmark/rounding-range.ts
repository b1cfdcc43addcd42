import { DIMENSIONS, type TQuestion, type TReference } from "../survey/schema";
import { isScored, optionScore } from "./scoring";
import { formatFixedDecimal } from "../format/number";

/**
 * How far the national mean may be off because the press release rounds every share to whole percent.
 * A published share p stands for a true share in [p − 0.5, p + 0.5]; a derived remainder takes whatever
 * the published shares of its question leave (at least 0). On a single-choice question the true shares
 * add up to 100. Every rule of the index is linear, so the lowest and highest national mean are those of
 * the lowest and highest score of each question, taken independently (docs/adr/0003-maturity-index.md).
 */

export type TRange = { low: number; high: number };

/** Points of each option of a question with a share, 0…1; options without a share (ours) have no 2020 figure. */
function pointsOf(q: TQuestion): { points: number; low: number; high: number }[] {
  const scorable = q.options.filter((o) => !o.exclusive);
  return q.options
    .filter((o) => o.share !== null)
    .map((o) => ({
      points: q.type === "single" ? optionScore(q, o.id) : scorable.includes(o) ? 1 / scorable.length : 0,
      low: o.published ? Math.max(0, o.share! - 0.5) : 0,
      high: o.published ? Math.min(100, o.share! + 0.5) : 100,
    }));
}

/** The lowest and highest national score of one question (0…1) that the rounded shares allow. */
export function questionScoreRange(q: TQuestion): TRange {
  const options = pointsOf(q);
  if (q.type === "multi") {
    // Each option's share stands on its own.
    return {
      low: options.reduce((s, o) => s + (o.low / 100) * o.points, 0),
      high: options.reduce((s, o) => s + (o.high / 100) * o.points, 0),
    };
  }
  // Single choice: the shares add up to 100. Start every option at its lowest share and give what is left
  // to the options with the fewest points (lowest mean) or the most (highest mean).
  const extreme = (order: 1 | -1) => {
    let left = 100 - options.reduce((s, o) => s + o.low, 0);
    let sum = 0;
    for (const o of [...options].sort((a, b) => order * (a.points - b.points))) {
      const add = Math.max(0, Math.min(o.high - o.low, left));
      left -= add;
      sum += ((o.low + add) / 100) * o.points;
    }
    return sum;
  };
  return { low: extreme(1), high: extreme(-1) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The range of the national index (0…100) and of each dimension that the rounding of the shares allows. */
export function nationalMeanRange(ref: TReference): TRange & { dimensions: Record<string, TRange> } {
  const dimensions: Record<string, TRange> = {};
  for (const id of DIMENSIONS) {
    const ranges = ref.questions.filter((q) => isScored(q) && q.dimension === id).map(questionScoreRange);
    dimensions[id] = { low: mean(ranges.map((r) => r.low)) * 100, high: mean(ranges.map((r) => r.high)) * 100 };
  }
  const values = Object.values(dimensions);
  return { low: mean(values.map((d) => d.low)), high: mean(values.map((d) => d.high)), dimensions };
}

/** "zwischen 37,6 und 39,1" – the range as the pages and the report say it, one decimal, rounded outward. */
export function describeRange({ low, high }: TRange): string {
  const f = (x: number) => formatFixedDecimal(x);
  return `zwischen ${f(Math.floor(low * 10) / 10)} und ${f(Math.ceil(high * 10) / 10)}`;
}
