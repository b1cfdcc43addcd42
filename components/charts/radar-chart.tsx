"use client";

import { Radar } from "react-chartjs-2";
import { CHART_COLORS } from "./chart-setup";
import { ChartFigure } from "./chart-figure";

const fmt = (n: number | null) => (n === null ? "–" : n.toLocaleString("de-DE", { maximumFractionDigits: 1 }));

/** The maturity dimensions: own scores against the national 2020 mean (0–100). */
export function RadarChart({ dimensions }: { dimensions: { label: string; score: number | null; nationalMean: number }[] }) {
  const summary = `Netzdiagramm der fünf Dimensionen: ${dimensions
    .map((d) => `${d.label} ${fmt(d.score)} (Bundesdurchschnitt ${fmt(d.nationalMean)})`)
    .join("; ")}.`;
  return (
    <ChartFigure
      caption="Reifegrad nach Dimensionen: Ihre Kommune und der Bundesdurchschnitt 2020 (0 bis 100)"
      columns={[{ header: "Dimension" }, { header: "Ihre Kommune", numeric: true }, { header: "Bundesdurchschnitt 2020", numeric: true }]}
      rows={dimensions.map((d) => [d.label, fmt(d.score), fmt(d.nationalMean)])}
    >
      <div className="chart-figure__radar">
        <Radar
          role="img"
          aria-label={summary}
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
            scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, backdropColor: "transparent" }, pointLabels: { font: { size: 13 } } } },
            plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } },
          }}
        />
      </div>
    </ChartFigure>
  );
}
