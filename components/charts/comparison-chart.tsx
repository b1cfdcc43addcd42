"use client";

import { CHART_COLORS } from "./chart-colors";
import { LazyBar } from "./lazy-chart";
import { ChartFigure } from "./chart-figure";
import { formatNumber } from "@/lib/format/number";
import { categoryHeight, wrapLabel } from "./chart-labels";

export type TComparisonRow = {
  label: string;
  peers: number;
  national: number | null;
  /** The 2020 share as shown (formatOptionShare: a derived remainder with its one label); null: no value. */
  nationalText: string | null;
  isOwn: boolean;
};

const pct = (n: number | null) => (n === null ? "kein Wert" : `${formatNumber(n)}\u00a0%`);

/** Peers' distribution beside the national 2020 one for one question; the own answer is named in its label. */
export function ComparisonChart({
  question,
  rows,
  peerLabel,
}: {
  question: string;
  rows: TComparisonRow[];
  peerLabel: string;
}) {
  const labelOf = (r: TComparisonRow) => `${r.isOwn ? "▶ Ihre Antwort: " : ""}${r.label}`;
  const labels = rows.map((r) => wrapLabel(labelOf(r)));
  const summary = `Balkendiagramm: ${rows
    .map((r) => `${r.label}: ${peerLabel} ${pct(r.peers)}, bundesweit 2020 ${r.nationalText ?? "kein Wert"}`)
    .join("; ")}.`;
  return (
    <ChartFigure
      caption={`${peerLabel} und bundesweit 2020`}
      captionDetail={question}
      columns={[
        { header: "Antwort" },
        { header: peerLabel, numeric: true },
        { header: "Bundesweit 2020", numeric: true },
        { header: "Ihre Antwort" },
      ]}
      rows={rows.map((r) => [r.label, pct(r.peers), r.nationalText ?? "kein Wert", r.isOwn ? "Ja" : ""])}
    >
      <LazyBar
        label={summary}
        // Two bars of 16 px per answer, and room for the longest label; below them the axis and the legend, which
        // takes two lines on a phone.
        style={{ height: `${rows.length * categoryHeight(labels, 48) + 110}px` }}
        data={{
          labels,
          datasets: [
            { label: peerLabel, data: rows.map((r) => r.peers), backgroundColor: CHART_COLORS.own, barThickness: 16 },
            {
              label: "Bundesweit 2020",
              data: rows.map((r) => r.national),
              backgroundColor: CHART_COLORS.other,
              borderColor: CHART_COLORS.national,
              borderWidth: 1,
              barThickness: 16,
            },
          ],
        }}
        options={{
          indexAxis: "y",
          maintainAspectRatio: false,
          layout: { padding: { left: 4, right: 8 } },
          scales: {
            // Every 25 %, level: on a phone six ticks of 20 % stood slanted.
            x: { min: 0, max: 100, ticks: { stepSize: 25, maxRotation: 0, callback: (v) => `${v}\u00a0%` } },
            y: { ticks: { autoSkip: false, maxRotation: 0 } },
          },
          plugins: { legend: { position: "bottom" } },
        }}
      />
    </ChartFigure>
  );
}
