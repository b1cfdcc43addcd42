/** Colours with at least 3:1 contrast against white (WCAG 1.4.11); never the only carrier of meaning. */
export const CHART_COLORS = {
  own: "#1f3f99",
  ownFill: "rgba(31, 63, 153, 0.25)",
  national: "#5c6370",
  nationalFill: "rgba(92, 99, 112, 0.12)",
  other: "#9aa3b5",
  target: "#0b6b3a",
  targetFill: "rgba(11, 107, 58, 0.08)",
};
