import type { Page } from "@playwright/test";
import { expect } from "./test";

/**
 * What Chart.js writes on its canvases, as boxes: every fillText since the canvas was last cleared (one frame),
 * with its font, alignment and the context's transform. A browser test can then tell whether labels overlap,
 * run past the canvas or stand slanted, which a canvas otherwise hides from it.
 */
export async function recordChartText(page: Page) {
  await page.addInitScript(() => {
    type TDraw = { text: string; x: number; y: number; width: number; size: number; align: string; base: string };
    type TMarked = HTMLCanvasElement & { __texts?: (TDraw & { m: number[] })[] };
    const proto = CanvasRenderingContext2D.prototype;
    const fill = proto.fillText;
    const clear = proto.clearRect;
    proto.clearRect = function (...args: [number, number, number, number]) {
      (this.canvas as TMarked).__texts = [];
      return clear.apply(this, args);
    };
    proto.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
      const canvas = this.canvas as TMarked;
      const measured = this.measureText(text).width;
      const t = this.getTransform();
      (canvas.__texts ??= []).push({
        text,
        x,
        y,
        width: maxWidth === undefined ? measured : Math.min(measured, maxWidth),
        size: Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10),
        align: this.textAlign,
        base: this.textBaseline,
        m: [t.a, t.b, t.c, t.d, t.e, t.f],
      });
      return maxWidth === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, maxWidth);
    };
  });
}

/** Scrolls through the page so that every chart is drawn (they are drawn when they come near the viewport). */
export async function drawAllCharts(page: Page) {
  const slots = page.locator(".chart-slot");
  const count = await slots.count();
  for (let i = 0; i < count; i += 1) await slots.nth(i).scrollIntoViewIfNeeded();
  await expect(page.locator(".chart-slot canvas")).toHaveCount(count);
  return count;
}

/**
 * The problems of the texts on the page's charts: slanted, beyond the canvas, or overlapping another text of
 * the same chart (by more than a pixel). Empty when every label is level, whole and apart.
 */
export async function chartTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type TBox = { text: string; x0: number; x1: number; y0: number; y1: number };
    const problems: string[] = [];
    document.querySelectorAll<HTMLCanvasElement>(".chart-slot canvas").forEach((canvas, n) => {
      const texts =
        (
          canvas as unknown as {
            __texts?: {
              text: string;
              x: number;
              y: number;
              width: number;
              size: number;
              align: string;
              base: string;
              m: number[];
            }[];
          }
        ).__texts ?? [];
      const name = canvas.closest(".chart-slot")?.getAttribute("aria-label")?.slice(0, 60) ?? `Diagramm ${n + 1}`;
      // A chart without any recorded text would pass every check below: name it instead.
      if (texts.length === 0) problems.push(`${name}: keine Beschriftung aufgezeichnet`);
      const boxes: TBox[] = [];
      for (const t of texts) {
        if (t.text.trim() === "") continue;
        const [a, b, c, d, e, f] = t.m as [number, number, number, number, number, number];
        if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6) {
          problems.push(`${name}: „${t.text}“ steht schräg`);
          continue;
        }
        const left =
          t.align === "right" || t.align === "end" ? t.x - t.width : t.align === "center" ? t.x - t.width / 2 : t.x;
        const top =
          t.base === "middle"
            ? t.y - t.size / 2
            : t.base === "top" || t.base === "hanging"
              ? t.y
              : t.base === "bottom"
                ? t.y - t.size
                : t.y - 0.8 * t.size;
        boxes.push({
          text: t.text,
          x0: a * left + e,
          x1: a * (left + t.width) + e,
          y0: d * top + f,
          y1: d * (top + t.size) + f,
        });
      }
      const px = window.devicePixelRatio || 1;
      for (const box of boxes)
        if (box.x0 < -px || box.x1 > canvas.width + px || box.y0 < -px || box.y1 > canvas.height + px)
          problems.push(`${name}: „${box.text}“ ragt über das Diagramm hinaus`);
      for (let i = 0; i < boxes.length; i += 1)
        for (let j = i + 1; j < boxes.length; j += 1) {
          const p = boxes[i]!;
          const q = boxes[j]!;
          if (p.x0 < q.x1 - px && q.x0 < p.x1 - px && p.y0 < q.y1 - px && q.y0 < p.y1 - px)
            problems.push(`${name}: „${p.text}“ und „${q.text}“ überdecken sich`);
        }
    });
    return problems;
  });
}
