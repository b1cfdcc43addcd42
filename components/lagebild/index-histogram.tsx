"use client";

import { CHART_COLORS } from "@/components/charts/chart-colors";
import { LazyBar } from "@/components/charts/lazy-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { formatNumber } from "@/lib/format/number";
import { categoryHeight } from "@/components/charts/chart-labels";

/**
 * The participants' index in bins of 10 points, as horizontal bars: ten bins side by side left each label
 * about 30 px on a phone, too little for "90–100" (slanted or overlapping); one below the other, every label
 * stands level and whole. The value axis below counts the administrations.
 */
export function IndexHistogram({ bins }: { bins: { from: number; to: number; count: number }[] }) {
  const label = (b: { from: number; to: number }) => `${b.from}–${b.to}`;
  const summary = `Balkendiagramm, teilnehmende Verwaltungen nach Reifegrad: ${bins.map((b) => `${label(b)} Punkte ${b.count}`).join("; ")}.`;
  return (
    <ChartFigure
      caption="Teilnehmende Verwaltungen nach digitalem Reifegrad (Punkte von 100)"
      columns={[{ header: "Reifegrad (Punkte)" }, { header: "Verwaltungen", numeric: true }]}
      rows={bins.map((b) => [label(b), formatNumber(b.count)])}
    >
      <LazyBar
        label={summary}
        style={{ height: `${bins.length * categoryHeight([["0–10"]], 26) + 80}px` }}
        data={{
          labels: bins.map((b) => `${label(b)} Punkte`),
          datasets: [
            {
              label: "Verwaltungen",
              data: bins.map((b) => b.count),
              backgroundColor: CHART_COLORS.own,
              barThickness: 18,
            },
          ],
        }}
        options={{
          indexAxis: "y",
          maintainAspectRatio: false,
          layout: { padding: { left: 4, right: 8 } },
          scales: {
            x: {
              beginAtZero: true,
              ticks: { precision: 0, maxRotation: 0 },
              title: { display: true, text: "Anzahl der Verwaltungen" },
            },
            y: { ticks: { autoSkip: false, maxRotation: 0 } },
          },
          plugins: { legend: { display: false } },
        }}
      />
    </ChartFigure>
  );
}
