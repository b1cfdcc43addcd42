/** The calendar year of a moment in Germany (Europe/Berlin): New Year's Eve at 23:30 UTC is already next year there. */
export function berlinYear(at: Date = new Date()): number {
  return Number(at.toLocaleString("de-DE", { year: "numeric", timeZone: "Europe/Berlin" }));
}

const berlinParts = (at: Date) => ({
  year: berlinYear(at),
  month: at.toLocaleString("de-DE", { month: "long", timeZone: "Europe/Berlin" }),
  day: Number(at.toLocaleString("de-DE", { day: "numeric", timeZone: "Europe/Berlin" })),
  time: at.toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" }),
});

/**
 * The one rule for naming assessments that stand for a year: by their year ("2026"), unless
 * another of the same list falls in the same calendar year; then by month and year ("März 2026",
 * "Dezember 2026"), by the day as well when even the month is shared ("3. März 2026"), and by the time on
 * one day ("3. März 2026, 10:42 Uhr"); labels still alike are numbered. Every place that names a year of a
 * chain (page, chart, PDF, delete choice, file names) takes its label from here.
 */
export function periodLabels(moments: readonly Date[]): string[] {
  const parts = moments.map(berlinParts);
  const labels = parts.map((p) => {
    const sameYear = parts.filter((o) => o.year === p.year);
    if (sameYear.length < 2) return String(p.year);
    const sameMonth = sameYear.filter((o) => o.month === p.month);
    if (sameMonth.length < 2) return `${p.month} ${p.year}`;
    const sameDay = sameMonth.filter((o) => o.day === p.day);
    if (sameDay.length < 2) return `${p.day}. ${p.month} ${p.year}`;
    return `${p.day}. ${p.month} ${p.year}, ${p.time}\u00a0Uhr`;
  });
  return labels.map((label, i) => {
    const alike = labels.filter((l) => l === label).length;
    return alike < 2 ? label : `${label} (${labels.slice(0, i + 1).filter((l) => l === label).length})`;
  });
}

/** A period label for a file name: "2026", "Maerz-2026", "3-Maerz-2026" (ASCII, no spaces). */
export function periodFileLabel(label: string): string {
  return label
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
