import type { TReference } from "../survey/schema";
import type { TPeerComparison } from "../peers/peer-query";
import { formatReleaseDate } from "./release-label";
import { formatCsvDecimal } from "../format/number";

/** A cell as Excel reads it: quoted when needed, formula-like starts neutralised (CSV injection). */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return formatCsvDecimal(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The peer aggregates of one filter as CSV for German Excel: UTF-8 with BOM, semicolons, decimal comma.
 * Only aggregates: one row per question and option, never a single municipality.
 */
export function renderPeerCsv(
  ref: TReference,
  view: TPeerComparison,
  labels: { state: string; sizeClass: string },
): string {
  const rows: (string | number | null)[][] = [
    ["Kommunaler Digitalcheck – Vergleich mit anderen Kommunen"],
    ["Bundesland", labels.state],
    ["Größenklasse", labels.sizeClass],
    ["Vergleichskommunen", view.suppressed ? `weniger als ${view.k}` : view.count],
    ["Kommunen laut Gemeindeverzeichnis", view.registerTotal],
    [
      "Stand der Vergleichszahlen",
      view.release ? formatReleaseDate(view.release.releasedAt) : "noch keine Veröffentlichung",
    ],
    [],
  ];
  if (view.suppressed) {
    rows.push([`Zu wenige Vergleichskommunen: Zahlen werden erst ab ${view.k} Kommunen gezeigt.`]);
  } else {
    if (view.index) {
      // Whole points; median and percentiles only from 2k municipalities (docs/adr/0005), else empty.
      rows.push(["Reifegrad-Index der Vergleichskommunen", "Mittelwert", "Median", "25. Perzentil", "75. Perzentil"]);
      rows.push(["", view.index.mean, view.index.median, view.index.p25, view.index.p75], []);
    }
    rows.push([
      "Frage",
      "Antwort",
      "Anteil Vergleichskommunen (%)",
      "Anteil bundesweit 2020 (%)",
      "2020 veröffentlicht",
    ]);
    const shares = new Map(view.questions.map((q) => [q.id, q.shares]));
    for (const q of ref.questions) {
      for (const o of q.options) {
        rows.push([
          q.text,
          o.label,
          shares.get(q.id)?.[o.id] ?? 0,
          o.share,
          o.share === null
            ? "kein Wert"
            : o.published
              ? "ja"
              : o.shareLabel
                ? `nein, abgeleitet: ${o.shareLabel}`
                : "nein, abgeleitet",
        ]);
      }
    }
  }
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(";")).join("\r\n") + "\r\n";
}
