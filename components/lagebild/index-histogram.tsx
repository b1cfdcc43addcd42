"use client";

import { CHART_COLORS } from "@/components/charts/chart-colors";
import { LazyBar } from "@/components/charts/lazy-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { formatNumber } from "@/lib/format/number";

/** The participants' index in bins of 10 points. */
export function IndexHistogram({ bins }: { bins: { from: number; to: number; count: number }[] }) {
  const label = (b: { from: number; to: number }) => `${b.from}–${b.to}`;
  const summary = `Säulendiagramm, teilnehmende Verwaltungen nach Reifegrad: ${bins.map((b) => `${label(b)} Punkte ${b.count}`).join("; ")}.`;
  return (
    <ChartFigure
      caption="Teilnehmende Verwaltungen nach digitalem Reifegrad (Punkte von 100)"
      columns={[{ header: "Reifegrad (Punkte)" }, { header: "Verwaltungen", numeric: true }]}
      rows={bins.map((b) => [label(b), formatNumber(b.count)])}
    >
      <LazyBar
        label={summary}
        style={{ height: "16rem" }}
        data={{
          labels: bins.map(label),
          datasets: [{ label: "Verwaltungen", data: bins.map((b) => b.count), backgroundColor: CHART_COLORS.own }],
        }}
        options={{
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { display: false } },
        }}
      />
    </ChartFigure>
  );
}
