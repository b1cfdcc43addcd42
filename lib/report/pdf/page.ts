/** The A4 page of the reports (pt) and the colours their text, charts and furniture use. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56, bottom: 70 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The height of the content area, from the top margin to the bottom one. */
export const CONTENT_HEIGHT = PAGE.height - PAGE.bottom - PAGE.margin;

export const COLORS = {
  text: "#171a2b",
  muted: "#4b5563",
  own: "#1f3f99",
  other: "#9aa3b5",
  national: "#5c6370",
  grid: "#d1d5db",
  watermark: "#c7cbd4",
} as const;

export const HEADING_SIZE = { 1: 22, 2: 16, 3: 12 } as const;
