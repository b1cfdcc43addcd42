import { describe, expect, test } from "vitest";
import { buildLagebild } from "@/lib/lagebild/build-lagebild";
import type { TPeerCell } from "@/lib/peers/aggregate";
import { reference } from "@/lib/survey/reference";
import { renderLagebildReport } from "@/lib/report/render-lagebild";
import { FOOTER_TOP } from "@/lib/report/pdf/furniture";
import { CONTENT_HEIGHT, PAGE } from "@/lib/report/pdf/page";
import { readPdf } from "../../support/pdf";

// The Lagebild as PDF, read back with pdfjs-dist: the histogram's value axis and pages that are never nearly empty.

/** A cell of `count` participants: answers spread over the options, index scores over 10 to 90 points. */
function cell(state: TPeerCell["state"], sizeClass: TPeerCell["sizeClass"], count: number): TPeerCell {
  const optionCounts = Object.fromEntries(
    reference.questions.map((q) => [
      q.id,
      Object.fromEntries(q.options.map((o, j) => [o.id, Math.floor((count * (j + 1)) / (q.options.length + 2))])),
    ]),
  );
  return {
    state,
    sizeClass,
    count,
    optionCounts,
    indexScores: Array.from({ length: count }, (_, i) => 10 + ((i * 13) % 80)),
    releasedAt: "2026-12-01T10:00:00.000Z",
  };
}

const REGISTER: Record<string, number> = {
  "DE-SN|lt_5000": 300,
  "DE-SN|5000_19999": 120,
  "DE-BY|lt_5000": 1400,
  "DE-BY|5000_19999": 500,
};

describe("the Lagebild as PDF", () => {
  test("the histogram has a value axis (German numbers, axis titles), and no page is nearly empty", async () => {
    const l = buildLagebild({
      cells: [cell("DE-SN", "lt_5000", 60), cell("DE-SN", "5000_19999", 30), cell("DE-BY", "lt_5000", 900)],
      registerCount: (state, sizeClass) => REGISTER[`${state}|${sizeClass}`] ?? 0,
      filter: {},
      k: 5,
      ref: reference,
    });
    const pdf = await readPdf(await renderLagebildReport(reference, l, new Date("2026-12-07T10:00:00Z")));
    const histogram = l.index!.histogram!;
    const largest = Math.max(...histogram.map((b) => b.count));
    expect(largest).toBeGreaterThan(100);
    const page = pdf.lines.find((x) => x.text.trim() === "Anzahl der Verwaltungen")!.page;
    const texts = pdf.lines.filter((x) => x.page === page).map((x) => x.text.trim());
    expect(texts).toContain("Digitaler Reifegrad in Punkten");
    // The ticks from 0 to at least the largest column, in German numbers.
    const ticks = texts.filter((t) => /^\d{1,3}(?:\.\d{3})*$/.test(t)).map((t) => Number(t.replace(/\./g, "")));
    expect(ticks).toContain(0);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(largest);
    for (let i = 0; i < pdf.pages; i += 1) {
      const body = pdf.lines.filter((x) => x.page === i + 1 && x.baseline < FOOTER_TOP - 4);
      expect(body.length, `page ${i + 1}`).toBeGreaterThanOrEqual(3);
      expect(Math.max(...body.map((x) => x.baseline)) - PAGE.margin, `page ${i + 1}`).toBeGreaterThan(
        CONTENT_HEIGHT * 0.2,
      );
    }
  });
});
