import { formatDecimal, formatDecimalOrDash } from "../../format/number";

/**
 * Numbers and units as the PDFs print them: German digits, and a no-break space between a number and its unit
 * ("16 %", "58,1 Punkte"), so that no line ends between the two.
 */
const NBSP = "\u00a0";
// lib/format/number.ts builds each formatter once per process (a report formats about 600 numbers).

/** "48,5"; "–" for no value. */
export const formatNumber = (n: number | null): string => formatDecimalOrDash(n);

/** "5.029": a count, with the thousands separator. */
export const formatCount = (n: number): string => formatDecimal(n, 0);

/** "16 %", "rund 12 %" for a derived share; "kein Wert" for none. */
export const formatPercent = (n: number | null, derived = false): string =>
  n === null ? "kein Wert" : `${derived ? "rund " : ""}${formatNumber(n)}${NBSP}%`;

/** The units a number is bound to. */
const UNIT =
  /(\d)[ \u202f](%|Prozentpunkte|Prozentpunkten|Prozent|Punkte|Punkten|Punkt|Minuten|Jahre|Jahren)(?![\p{L}\p{N}])/gu;

/** A text with every space between a number and its unit made a no-break space ("16 % der Kommunen"). */
export const bindUnits = (text: string): string => text.replace(UNIT, `$1${NBSP}$2`);
