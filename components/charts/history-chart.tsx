"use client";

import { CHART_COLORS } from "./chart-colors";
import { LazyLine } from "./lazy-chart";
import { ChartFigure } from "./chart-figure";
import { formatDecimalOrDash } from "@/lib/format/number";

const DIMENSION_COLORS = ["#7a3e9d", "#0b6b3a", "#9a5b00", "#0f6e8c", "#a3195b"];

/** The index and the dimensions year after year, with the national 2020 mean as a reference line. */
export function HistoryChart({
  years,
  index,
  dimensions,
  nationalMean,
}: {
  /** The labels of the years (periodLabels: "2026", or "März 2026" where two share a year). */
  years: string[];
  index: (number | null)[];
  dimensions: { label: string; scores: (number | null)[] }[];
  nationalMean: number;
}) {
  const summary = `Liniendiagramm: Reifegrad ${years.map((y, i) => `${y} ${formatDecimalOrDash(index[i] ?? null)}`).join(", ")}; Bundesdurchschnitt 2020 ${formatDecimalOrDash(nationalMean)}.`;
  return (
    <ChartFigure
      caption="Reifegrad und Dimensionen im Zeitverlauf (0 bis 100), mit dem Bundesdurchschnitt 2020"
      columns={[
        { header: "Jahr" },
        { header: "Reifegrad", numeric: true },
        ...dimensions.map((d) => ({ header: d.label, numeric: true })),
      ]}
      rows={years.map((y, i) => [
        y,
        formatDecimalOrDash(index[i] ?? null),
        ...dimensions.map((d) => formatDecimalOrDash(d.scores[i] ?? null)),
      ])}
    >
      <LazyLine
        label={summary}
        className="chart-figure__line"
        data={{
          labels: years,
          datasets: [
            {
              label: "Reifegrad",
              data: index,
              borderColor: CHART_COLORS.own,
              backgroundColor: CHART_COLORS.own,
              borderWidth: 3,
              pointRadius: 5,
            },
            ...dimensions.map((d, i) => ({
              label: d.label,
              data: d.scores,
              borderColor: DIMENSION_COLORS[i % DIMENSION_COLORS.length],
              backgroundColor: DIMENSION_COLORS[i % DIMENSION_COLORS.length],
              borderWidth: 1.5,
              pointRadius: 3,
            })),
            {
              label: "Bundesdurchschnitt 2020",
              data: years.map(() => nationalMean),
              borderColor: CHART_COLORS.national,
              backgroundColor: CHART_COLORS.national,
              borderWidth: 2,
              borderDash: [6, 4],
              pointRadius: 0,
            },
          ],
        }}
        options={{
          maintainAspectRatio: false,
          // The years stay level: rather every other one (the table below names them all) than slanted or overlapping.
          scales: {
            x: { ticks: { maxRotation: 0, autoSkip: true } },
            y: { min: 0, max: 100, ticks: { stepSize: 25 } },
          },
          plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } },
        }}
      />
    </ChartFigure>
  );
}
