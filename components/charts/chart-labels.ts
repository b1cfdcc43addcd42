/**
 * Axis labels that stay readable on a phone. Chart.js neither wraps an axis label nor keeps two categories'
 * labels apart: an array of lines wraps one, and a chart whose every category is as high as its longest
 * label keeps them apart (Chart.js gives each category of an axis the same height).
 */

/** Chart.js draws a label line 1.2 times its font size high (13 px, chart-setup.ts). */
export const LABEL_LINE_HEIGHT = 16;

/** A label as lines of at most `width` characters, broken between words (a longer word keeps its own line). */
export function wrapLabel(text: string, width = 20): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The height of each category: its bars, or its longest label with some room above and below. */
export const categoryHeight = (labels: readonly (readonly string[])[], bars: number) =>
  Math.max(bars, ...labels.map((l) => l.length * LABEL_LINE_HEIGHT + 12));
