import { COLORS, CONTENT_WIDTH } from "./page";
import { formatCount, formatPercent } from "./typography";

type TDoc = PDFKit.PDFDocument;

/**
 * The charts of the PDFs, drawn as vectors from the same figures as the web charts. Each is drawn inside a Figure
 * of the Writer, with its alternative text, and its numbers follow as a table (docs/adr/0006).
 */

/** One bar: an answer's share in percent (null: not published), derived or not, and whether it is the own one. */
export type TBar = { label: string; share: number | null; derived: boolean; isOwn: boolean };

const barLabel = (b: TBar) => `${b.label}${b.isOwn ? " (Ihre Antwort)" : ""}`;

/** The height `drawBars` takes for these bars. */
export function barsHeight(doc: TDoc, bars: TBar[]): number {
  doc.font("Regular").fontSize(8.5);
  return (
    bars.reduce((h, b) => h + Math.max(16, doc.heightOfString(barLabel(b), { width: CONTENT_WIDTH * 0.42 }) + 4), 0) +
    18
  );
}

/** Horizontal bars 0–100 %: own answer dark and outlined, and named in its label (not colour alone). */
export function drawBars(doc: TDoc, bars: TBar[], x: number, y: number) {
  const labelW = CONTENT_WIDTH * 0.42;
  const barX = x + labelW + 8;
  const barW = CONTENT_WIDTH - labelW - 60;
  let cy = y;
  for (const b of bars) {
    doc.font(b.isOwn ? "Bold" : "Regular").fontSize(8.5);
    const h = Math.max(16, doc.heightOfString(barLabel(b), { width: labelW }) + 4);
    doc.fillColor(COLORS.text).text(barLabel(b), x, cy + 2, { width: labelW, align: "right" });
    const len = ((b.share ?? 0) / 100) * barW;
    doc.rect(barX, cy + 2, Math.max(len, 0.5), 11).fill(b.isOwn ? COLORS.own : COLORS.other);
    if (b.isOwn)
      doc
        .rect(barX, cy + 2, Math.max(len, 0.5), 11)
        .lineWidth(1)
        .strokeColor("#000000")
        .stroke();
    doc
      .font("Regular")
      .fontSize(8.5)
      .fillColor(COLORS.text)
      .text(formatPercent(b.share, b.derived), barX + len + 4, cy + 3, { width: 56, lineBreak: false });
    cy += h;
  }
  doc.moveTo(barX, y).lineTo(barX, cy).lineWidth(0.5).strokeColor(COLORS.grid).stroke();
  doc
    .font("Regular")
    .fontSize(7.5)
    .fillColor(COLORS.muted)
    .text(formatPercent(0), barX - 6, cy + 2, { width: 30, lineBreak: false });
  doc.text(formatPercent(100), barX + barW - 12, cy + 2, { width: 30, lineBreak: false });
  doc.fillColor(COLORS.text);
}

/** Radar chart of the five dimensions: own polygon solid, national mean dashed. */
export function drawRadar(
  doc: TDoc,
  dims: { label: string; score: number | null; nationalMean: number }[],
  cx: number,
  cy: number,
  r: number,
) {
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / dims.length;
  const point = (i: number, v: number): [number, number] => [
    cx + Math.cos(angle(i)) * r * (v / 100),
    cy + Math.sin(angle(i)) * r * (v / 100),
  ];
  doc.lineWidth(0.5).strokeColor(COLORS.grid);
  for (const level of [25, 50, 75, 100]) {
    dims.forEach((_, i) => {
      const [px, py] = point(i, level);
      if (i === 0) doc.moveTo(px, py);
      else doc.lineTo(px, py);
    });
    doc.closePath().stroke();
  }
  dims.forEach((d, i) => {
    const [px, py] = point(i, 100);
    doc.moveTo(cx, cy).lineTo(px, py).stroke();
    const [lx, ly] = point(i, 122);
    doc
      .font("Regular")
      .fontSize(8.5)
      .fillColor(COLORS.text)
      .text(d.label, lx - 50, ly - 5, { width: 100, align: "center", lineBreak: false });
  });
  const polygon = (values: number[]) => {
    values.forEach((v, i) => {
      const [px, py] = point(i, v);
      if (i === 0) doc.moveTo(px, py);
      else doc.lineTo(px, py);
    });
    doc.closePath();
  };
  polygon(dims.map((d) => d.nationalMean));
  doc.lineWidth(1.5).dash(4, { space: 3 }).strokeColor(COLORS.national).stroke().undash();
  if (dims.some((d) => d.score !== null)) {
    polygon(dims.map((d) => d.score ?? 0));
    doc.fillOpacity(0.2).fillAndStroke(COLORS.own, COLORS.own).fillOpacity(1);
    doc.lineWidth(2);
  }
  const ly = cy + r + 28;
  doc.rect(cx - 120, ly, 14, 3).fill(COLORS.own);
  doc
    .font("Regular")
    .fontSize(8.5)
    .fillColor(COLORS.text)
    .text("Ihre Kommune", cx - 102, ly - 4, { lineBreak: false });
  doc
    .moveTo(cx + 10, ly + 1.5)
    .lineTo(cx + 24, ly + 1.5)
    .lineWidth(1.5)
    .dash(4, { space: 3 })
    .strokeColor(COLORS.national)
    .stroke()
    .undash();
  doc.fillColor(COLORS.text).text("Bundesdurchschnitt 2020", cx + 28, ly - 4, { lineBreak: false });
}

/**
 * The ticks of a value axis from 0: a step of 1, 2 or 5 times a power of ten, at most `most` steps up to a
 * top of at least `max` ([0, 1] for nothing to show).
 */
export function axisTicks(max: number, most = 5): number[] {
  const top = Math.max(1, max);
  const power = 10 ** Math.floor(Math.log10(top / most));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => Math.ceil(top / s) <= most) ?? 10 * power;
  const unit = Math.max(1, step);
  return Array.from({ length: Math.ceil(top / unit) + 1 }, (_, i) => i * unit);
}

/** The height `drawHistogram` takes. */
export const HISTOGRAM_HEIGHT = 172;

/**
 * Columns of counts over ranges (the Lagebild's participants by maturity index), with a value axis: ticks in
 * German numbers, light grid lines, and the titles of both axes.
 */
export function drawHistogram(
  doc: TDoc,
  columns: { label: string; count: number }[],
  left: number,
  top: number,
  titles: { value: string; range: string },
) {
  const ticks = axisTicks(Math.max(0, ...columns.map((c) => c.count)));
  const max = ticks.at(-1)!;
  const axisX = left + 34;
  const plotTop = top + 16;
  const plotHeight = 112;
  const base = plotTop + plotHeight;
  const gap = 6;
  const columnWidth = Math.min(40, (CONTENT_WIDTH - (axisX - left) - 8) / columns.length - gap);
  doc.font("Regular").fontSize(7.5).fillColor(COLORS.muted);
  doc.text(titles.value, left, top, { width: CONTENT_WIDTH, lineBreak: false });
  for (const tick of ticks) {
    const y = base - (tick / max) * plotHeight;
    doc
      .moveTo(axisX, y)
      .lineTo(axisX + 8 + columns.length * (columnWidth + gap), y)
      .lineWidth(tick === 0 ? 0.8 : 0.4)
      .strokeColor(COLORS.grid)
      .stroke();
    doc
      .font("Regular")
      .fontSize(7.5)
      .fillColor(COLORS.muted)
      .text(formatCount(tick), left, y - 3.5, { width: axisX - left - 4, align: "right", lineBreak: false });
  }
  doc.moveTo(axisX, plotTop).lineTo(axisX, base).lineWidth(0.8).strokeColor(COLORS.grid).stroke();
  columns.forEach((c, i) => {
    const x = axisX + 8 + i * (columnWidth + gap);
    const h = (c.count / max) * plotHeight;
    if (h > 0) doc.rect(x, base - h, columnWidth, h).fill(COLORS.own);
    doc
      .font("Regular")
      .fontSize(7.5)
      .fillColor(COLORS.text)
      .text(c.label, x - gap / 2, base + 4, { width: columnWidth + gap, align: "center", lineBreak: false });
  });
  doc
    .font("Regular")
    .fontSize(7.5)
    .fillColor(COLORS.muted)
    .text(titles.range, axisX, base + 18, { width: CONTENT_WIDTH - (axisX - left), align: "center", lineBreak: false });
  doc.fillColor(COLORS.text);
}
