"use client";

import {
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadialLinearScale,
  Tooltip,
} from "chart.js";

// The only place that registers Chart.js. Loaded on demand by ./lazy-chart (never part of a page's
// first load): a chart is drawn when it comes near the viewport.
Chart.register(
  BarElement,
  CategoryScale,
  LinearScale,
  RadialLinearScale,
  PointElement,
  LineElement,
  LineController,
  Filler,
  Tooltip,
  Legend,
);
Chart.defaults.font.family = '"Fira Sans", system-ui, sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = "#171a2b";
Chart.defaults.animation = false;

export { Chart };
export { Bar, Line, Radar } from "react-chartjs-2";
