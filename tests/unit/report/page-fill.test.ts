import { describe, expect, test } from "vitest";
import { renderReport } from "@/lib/report/render-report";
import { FOOTER_TOP } from "@/lib/report/pdf/furniture";
import { CONTENT_HEIGHT, PAGE } from "@/lib/report/pdf/page";
import { answersShifted, fullReportModel, REPORT_NOW } from "../../support/report-fixture";
import { reference } from "@/lib/survey/reference";
import { readPdf, type TReadPdf } from "../../support/pdf";

// Whole reports read back page by page (pdfjs-dist): no page holds only its footer or a few stray lines.

/** Per page: the body's lines (everything above the footer) and how far down the body reaches (pt from the top). */
function bodies(pdf: TReadPdf) {
  return Array.from({ length: pdf.pages }, (_, i) => {
    const lines = pdf.lines.filter((l) => l.page === i + 1 && l.baseline < FOOTER_TOP - 4);
    return { page: i + 1, lines: lines.length, reach: Math.max(0, ...lines.map((l) => l.baseline)) - PAGE.margin };
  });
}

function expectEveryPageFilled(pdf: TReadPdf) {
  for (const { page, lines, reach } of bodies(pdf)) {
    expect(lines, `page ${page} has body text beyond its footer`).toBeGreaterThanOrEqual(3);
    expect(reach, `page ${page} is not nearly empty`).toBeGreaterThan(CONTENT_HEIGHT * 0.2);
  }
}

describe("the pages of a whole report", () => {
  test.each([
    ["three years, a plan", {}],
    ["one year", { submitted: ["2026-12-01T09:00:00Z"] }],
    ["two in one year, Leichte Sprache", { submitted: ["2026-03-10T09:00:00Z", "2026-12-01T09:00:00Z"], easy: true }],
    ["other answers", { answers: (i: number) => answersShifted(i + 2) }],
  ])("%s: every page has body content beyond its furniture", async (_, options) => {
    const pdf = await readPdf(await renderReport(fullReportModel(options), REPORT_NOW));
    expect(pdf.pages).toBeGreaterThan(10);
    expectEveryPageFilled(pdf);
    // The footer on every page, the last line of the method on the last.
    for (const [i, text] of pdf.pageText.entries()) expect(text).toContain(`Seite ${i + 1} von ${pdf.pages}`);
    expect(pdf.pageText.at(-1)).toContain("Erstellt am 07.12.2026 mit dem Kommunalen Digitalcheck.");
  });

  test("two assessments in one calendar year are named by month, in the text and in the file name", async () => {
    const model = fullReportModel({ submitted: ["2026-03-10T09:00:00Z", "2026-12-01T09:00:00Z"] });
    expect(model.fileName).toBe("Digitalcheck-Bad-Großenhain-Süß-Dezember-2026-Stand-2026-12-07.pdf");
    const pdf = await readPdf(await renderReport(model, REPORT_NOW));
    const text = pdf.text.replace(/\s+/g, " ");
    expect(text).toContain("Entwicklung seit März 2026");
    expect(text).toMatch(/Digitaler Reifegrad März 2026: [\d,]+ Punkte, Dezember 2026: [\d,]+ Punkte/);
    expect(text).not.toMatch(/\b2026 und 2026\b/);
  });

  test("'Ihr größter Handlungsbedarf' never names an answer off the scale ('Weiß nicht')", async () => {
    // Every question that has "Weiß nicht" answered with it, every other one with its lowest answer.
    const answers = Object.fromEntries(
      reference.questions.map((q) => {
        const unknown = q.options.find((o) => o.label === "Weiß nicht");
        const lowest = q.options.find((o) => o.rank === 0) ?? q.options[0]!;
        return [q.id, q.type === "multi" ? [q.options[0]!.id] : (unknown ?? lowest).id];
      }),
    );
    const model = fullReportModel({ submitted: ["2026-12-01T09:00:00Z"], answers: () => answers });
    expect(model.summary.weakest.length).toBeGreaterThan(0);
    const pdf = await readPdf(await renderReport(model, REPORT_NOW));
    const text = pdf.text.replace(/\s+/g, " ");
    const section = text.slice(
      text.indexOf("Ihr größter Handlungsbedarf"),
      text.indexOf("Ihre Antworten im Vergleich"),
    );
    expect(section.length).toBeGreaterThan(40);
    expect(section).not.toMatch(/weiß nicht/i);
  });
});
