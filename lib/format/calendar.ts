/** The calendar year of a moment in Germany (Europe/Berlin): New Year's Eve at 23:30 UTC is already next year there. */
export function berlinYear(at: Date = new Date()): number {
  return Number(at.toLocaleString("de-DE", { year: "numeric", timeZone: "Europe/Berlin" }));
}
