import type { TQuestion } from "../survey/schema";

export type TPosition = {
  /** % of all municipalities whose answer ranks strictly lower; null when not ordinal or unranked. */
  ahead: number | null;
  /** % that gave the same answer. */
  same: number | null;
  /** A derived (unpublished) share entered the sum `ahead`. */
  derived: boolean;
};

/**
 * Position on an ordinal question, from the national distribution. Unranked options ("weiß nicht")
 * are never counted as lower or higher: they stay in the denominator (all 623 municipalities). A lower
 * option whose share is a derived remainder ("weder im Einsatz noch geplant") also holds the
 * municipalities that gave no answer, so such an "ahead" (marked `derived`) may be too high. See /methodik.
 */
export function computePosition(q: TQuestion, answer: string | string[]): TPosition {
  if (!q.ordinal || Array.isArray(answer)) return { ahead: null, same: null, derived: false };
  const own = q.options.find((o) => o.id === answer);
  if (!own || typeof own.rank !== "number") return { ahead: null, same: null, derived: false };
  const lower = q.options.filter((o) => typeof o.rank === "number" && o.rank < own.rank!);
  const ahead = lower.reduce((s, o) => s + (o.share ?? 0), 0);
  return {
    ahead: Math.round(ahead * 10) / 10,
    same: own.share,
    derived: lower.some((o) => !o.published),
  };
}
