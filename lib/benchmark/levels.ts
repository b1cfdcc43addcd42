/**
 * Named maturity levels and their lower thresholds on the 0–100 index (docs/adr/0003-maturity-index.md).
 * Names and descriptions are our assessment (lib/benchmark/method-notes.ts, LEVELS_NOTE): a description
 * says only what the points imply, and no name repeats a survey answer (such as "Eher als Vorreiter").
 */
export const LEVELS = [
  {
    id: "einstieg",
    min: 0,
    name: "Einstieg",
    description: "Von den abgefragten Bausteinen ist bisher wenig umgesetzt oder geplant.",
  },
  {
    id: "aufbau",
    min: 25,
    name: "Aufbau",
    description: "Einige der abgefragten Bausteine sind umgesetzt oder geplant, viele noch nicht.",
  },
  {
    id: "fortgeschritten",
    min: 50,
    name: "Fortgeschritten",
    description: "Viele der abgefragten Bausteine sind umgesetzt oder geplant.",
  },
  {
    id: "weit_fortgeschritten",
    min: 75,
    name: "Weit fortgeschritten",
    description: "Die meisten der abgefragten Bausteine sind umgesetzt.",
  },
] as const;

export type TLevel = (typeof LEVELS)[number];

export function levelOf(score: number): TLevel {
  return [...LEVELS].reverse().find((l) => score >= l.min) ?? LEVELS[0];
}
