"use client";

import {
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadialLinearScale,
  Tooltip,
} from "chart.js";

// The only place that registers Chart.js; imported by the chart components of the results page
// alone, so the questionnaire's JavaScript never contains it.
Chart.register(BarElement, CategoryScale, LinearScale, RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend);
Chart.defaults.font.family = '"Fira Sans", system-ui, sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = "#171a2b";
Chart.defaults.animation = false;

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11); never the only carrier of meaning. */
export const CHART_COLORS = {
  own: "#1f3f99",
  ownFill: "rgba(31, 63, 153, 0.25)",
  national: "#5c6370",
  nationalFill: "rgba(92, 99, 112, 0.12)",
  other: "#9aa3b5",
};

export { Chart };
