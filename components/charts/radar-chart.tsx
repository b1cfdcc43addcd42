"use client";

import { CHART_COLORS } from "./chart-colors";
import { LazyRadar } from "./lazy-chart";
import { ChartFigure } from "./chart-figure";
import { formatDecimalOrDash } from "@/lib/format/number";

/**
 * On a phone a long dimension name ("Arbeitsorganisation") does not fit beside the radar: break it
 * after a joint "s" near the middle ("Arbeits-" / "organisation"). Chart.js sizes the radar around it.
 */
function wrapOnNarrow(label: string): string | string[] {
  if (typeof window === "undefined" || window.innerWidth >= 480 || label.length <= 12) return label;
  const cut = label.slice(0, Math.ceil(label.length * 0.6)).lastIndexOf("s") + 1;
  return cut > 3 ? [`${label.slice(0, cut)}-`, label.slice(cut)] : label;
}

/** The maturity dimensions: own scores against the national 2020 mean (0–100), and the target state if set. */
export function RadarChart({
  dimensions,
}: {
  dimensions: { label: string; score: number | null; nationalMean: number; target?: number | null }[];
}) {
  const withTarget = dimensions.some((d) => d.target !== undefined);
  const summary = `Netzdiagramm der fünf Dimensionen: ${dimensions
    .map(
      (d) =>
        `${d.label} ${formatDecimalOrDash(d.score)}${withTarget ? `, Ziel ${formatDecimalOrDash(d.target ?? null)}` : ""} (Bundesdurchschnitt ${formatDecimalOrDash(d.nationalMean)})`,
    )
    .join("; ")}.`;
  return (
    <ChartFigure
      caption={`Reifegrad nach Dimensionen: Ihre Kommune${withTarget ? ", Ihr Ziel" : ""} und der Bundesdurchschnitt 2020 (0 bis 100)`}
      columns={[
        { header: "Dimension" },
        { header: "Ihre Kommune", numeric: true },
        ...(withTarget ? [{ header: "Ihr Ziel", numeric: true }] : []),
        { header: "Bundesdurchschnitt 2020", numeric: true },
      ]}
      rows={dimensions.map((d) =>
        withTarget
          ? [
              d.label,
              formatDecimalOrDash(d.score),
              formatDecimalOrDash(d.target ?? null),
              formatDecimalOrDash(d.nationalMean),
            ]
          : [d.label, formatDecimalOrDash(d.score), formatDecimalOrDash(d.nationalMean)],
      )}
    >
      <LazyRadar
        label={summary}
        className="chart-figure__radar"
        data={{
          labels: dimensions.map((d) => d.label),
          datasets: [
            {
              label: "Ihre Kommune",
              data: dimensions.map((d) => d.score),
              borderColor: CHART_COLORS.own,
              backgroundColor: CHART_COLORS.ownFill,
              borderWidth: 3,
              pointRadius: 4,
              pointStyle: "circle",
            },
            ...(withTarget
              ? [
                  {
                    label: "Ihr Ziel",
                    data: dimensions.map((d) => d.target ?? null),
                    borderColor: CHART_COLORS.target,
                    backgroundColor: CHART_COLORS.targetFill,
                    borderWidth: 2,
                    borderDash: [2, 3],
                    pointRadius: 4,
                    pointStyle: "triangle" as const,
                  },
                ]
              : []),
            {
              label: "Bundesdurchschnitt 2020",
              data: dimensions.map((d) => d.nationalMean),
              borderColor: CHART_COLORS.national,
              backgroundColor: CHART_COLORS.nationalFill,
              borderWidth: 2,
              borderDash: [6, 4],
              pointRadius: 4,
              pointStyle: "rectRot",
            },
          ],
        }}
        options={{
          maintainAspectRatio: false,
          scales: {
            r: {
              min: 0,
              max: 100,
              ticks: { stepSize: 25, backdropColor: "transparent" },
              pointLabels: { font: { size: 13 }, callback: (label, _i) => wrapOnNarrow(label) },
            },
          },
          plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } },
        }}
      />
    </ChartFigure>
  );
}
