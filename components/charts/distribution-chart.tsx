"use client";

import { CHART_COLORS } from "./chart-colors";
import { LazyBar } from "./lazy-chart";
import { ChartFigure } from "./chart-figure";
import { formatNumber } from "@/lib/format/number";
import { categoryHeight, wrapLabel } from "./chart-labels";

/** `label`: the share's name as lib/survey/share-label.ts gives it (a derived remainder is marked there). */
export type TDistributionRow = { label: string; share: number | null; derived: boolean; isOwn: boolean };

const fmt = (row: TDistributionRow) =>
  row.share === null ? "kein Wert" : `${row.derived ? "rund " : ""}${formatNumber(row.share)}\u00a0%`;

/**
 * National distribution of one question as horizontal bars; the own answer is highlighted by
 * colour, a thicker border and the words "Ihre Antwort" in its label (never by colour alone).
 */
export function DistributionChart({ question, rows }: { question: string; rows: TDistributionRow[] }) {
  const shown = rows.filter((r) => r.share !== null);
  const labelOf = (r: TDistributionRow) => `${r.isOwn ? "▶ Ihre Antwort: " : ""}${r.label}`;
  const own = rows.filter((r) => r.isOwn).map((r) => r.label);
  const labels = shown.map((r) => wrapLabel(labelOf(r)));
  const summary = `Balkendiagramm, Anteile aller Kommunen 2020: ${shown.map((r) => `${r.label} ${fmt(r)}`).join("; ")}. Ihre Antwort: ${own.join(", ") || "keine"}.`;
  return (
    <ChartFigure
      caption="Bundesweite Verteilung 2020 (Anteil der Kommunen)"
      captionDetail={question}
      columns={[
        { header: "Antwort" },
        { header: "Anteil der Kommunen 2020", numeric: true },
        { header: "Ihre Antwort" },
      ]}
      rows={rows.map((r) => [r.label, fmt(r), r.isOwn ? "Ja" : ""])}
    >
      <LazyBar
        label={summary}
        style={{ height: `${shown.length * categoryHeight(labels, 40) + 36}px` }}
        data={{
          labels,
          datasets: [
            {
              label: "Anteil der Kommunen 2020 in %",
              data: shown.map((r) => r.share),
              backgroundColor: shown.map((r) => (r.isOwn ? CHART_COLORS.own : CHART_COLORS.other)),
              borderColor: shown.map((r) => (r.isOwn ? "#000" : CHART_COLORS.other)),
              borderWidth: shown.map((r) => (r.isOwn ? 2 : 0)),
              barThickness: 22,
            },
          ],
        }}
        options={{
          indexAxis: "y",
          layout: { padding: { left: 4, right: 8 } },
          maintainAspectRatio: false,
          scales: {
            x: { min: 0, max: 100, ticks: { stepSize: 25, maxRotation: 0, callback: (v) => `${v}\u00a0%` } },
            y: { ticks: { autoSkip: false, maxRotation: 0 } },
          },
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: (ctx) => fmt(shown[ctx.dataIndex]!) } },
          },
        }}
      />
    </ChartFigure>
  );
}
