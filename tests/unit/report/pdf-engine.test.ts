import { describe, expect, test } from "vitest";
import { renderTaggedPdf } from "@/lib/report/pdf/document";
import { axisTicks, drawHistogram, HISTOGRAM_HEIGHT } from "@/lib/report/pdf/charts";
import { bindUnits, formatPercent } from "@/lib/report/pdf/typography";
import { CONTENT_HEIGHT, PAGE } from "@/lib/report/pdf/page";
import type { Writer } from "@/lib/report/pdf/writer";
import { readPdf } from "../../support/pdf";

// The tagged-PDF engine of lib/report/pdf, read back with pdfjs-dist (tests/support/pdf.ts).

const META = { title: "Prüfbericht", subject: "Prüfung", footer: "Fußzeile des Prüfberichts", watermark: false };
const render = (fill: (w: Writer) => void) => renderTaggedPdf(META, new Date("2026-12-07T10:00:00Z"), fill);

describe("the tagged-PDF engine", () => {
  test("every block is a structure element in reading order; footer and page numbers are artifacts", async () => {
    const pdf = await readPdf(
      await render((w) => {
        w.doc.addPage();
        w.section("Sect", (s) => {
          s.heading(1, "Überschrift");
          s.para("Ein Absatz.");
          s.list([{ label: "1.", body: "Erster Punkt." }]);
          s.figure("Ein Diagramm mit 3 Säulen.", 40, () => {});
          s.table("Beschriftung", ["Spalte A", "Spalte B"], [["Zeile 1", "12 %"]], [0.5, 0.5]);
        });
      }),
    );
    expect(pdf.info).toMatchObject({ Title: "Prüfbericht", Tagged: "yes" });
    expect(pdf.structure).toBe(
      [
        "Document",
        "  Sect",
        "    H1",
        '      "Überschrift"',
        "    P",
        '      "Ein Absatz."',
        "    L",
        "      LI",
        "        Lbl",
        '          "1."',
        "        LBody",
        '          "Erster Punkt."',
        "    Figure",
        "    Table",
        "      Caption",
        '        "Beschriftung"',
        "      TR",
        "        TH",
        '          "Spalte A"',
        "        TH",
        '          "Spalte B"',
        "      TR",
        "        TH",
        '          "Zeile 1"',
        "        TD",
        '          "12 %"',
      ].join("\n"),
    );
    expect(pdf.elements("Figure")).toEqual([{ text: "", alt: "Ein Diagramm mit 3 Säulen." }]);
    // On the page, not in the structure: the footer and "Seite 1 von 1".
    expect(pdf.pageText[0]).toContain("Fußzeile des Prüfberichts");
    expect(pdf.pageText[0]).toContain("Seite 1 von 1");
    expect(pdf.structure).not.toContain("Seite");
  });

  test("a number and its unit are bound by a no-break space, in the text and at a line's end", async () => {
    expect(bindUnits("2020 taten das erst 16 % der Kommunen; 58,1 Punkte, 1 Punkt, 5 Prozentpunkte, 30 Minuten")).toBe(
      "2020 taten das erst 16\u00a0% der Kommunen; 58,1\u00a0Punkte, 1\u00a0Punkt, 5\u00a0Prozentpunkte, 30\u00a0Minuten",
    );
    expect(bindUnits("Stufe 3 Punktesystem, 2020 Prozentrechnung")).toBe("Stufe 3 Punktesystem, 2020 Prozentrechnung");
    expect(formatPercent(12.34, true)).toBe("rund 12,3\u00a0%");
    // A paragraph whose line would end between "16" and "%": the two stay on one line.
    const filler = "Wort ".repeat(200);
    const pdf = await readPdf(
      await render((w) => {
        w.doc.addPage();
        for (let n = 0; n < 40; n += 1) w.para(`${filler.slice(0, n * 3)}16 % und 58,1 Punkte`);
      }),
    );
    for (const line of pdf.lines) {
      expect(line.text, "no line ends with a bare number").not.toMatch(/(?:^|\s)(?:16|58,1)$/);
      expect(line.text, "no line starts with a unit").not.toMatch(/^(?:%|Punkte)/);
    }
  });

  test("the value axis: a step of 1, 2 or 5 times a power of ten, from 0 to at least the largest value", () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(axisTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  test("the histogram has a value axis with German numbers and the titles of both axes", async () => {
    const columns = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 10}`, count: i * 130 }));
    const pdf = await readPdf(
      await render((w) => {
        w.doc.addPage();
        w.figure("Säulendiagramm", HISTOGRAM_HEIGHT, (x, y) =>
          drawHistogram(w.doc, columns, x, y, { value: "Anzahl der Verwaltungen", range: "Reifegrad in Punkten" }),
        );
      }),
    );
    const texts = pdf.lines.map((l) => l.text.trim());
    // 1.170 at most: steps of 500 up to 1.500.
    for (const tick of ["0", "500", "1.000", "1.500"]) expect(texts).toContain(tick);
    expect(texts).toContain("Anzahl der Verwaltungen");
    expect(texts).toContain("Reifegrad in Punkten");
    // The ticks stand one above the other at the left, the largest highest.
    const tick = (t: string) => pdf.lines.find((l) => l.text.trim() === t)!;
    expect(tick("1.500").baseline).toBeLessThan(tick("1.000").baseline);
    expect(tick("1.000").baseline).toBeLessThan(tick("0").baseline);
    expect(Math.abs(tick("1.500").right - tick("0").right)).toBeLessThan(1);
  });

  test("a chapter follows a short spill on the same page, and starts a new page after a fuller one", async () => {
    const pdf = await readPdf(
      await render((w) => {
        w.doc.addPage();
        w.para("Kurzer Rest des Kapitels davor.");
        w.startChapter();
        w.heading(1, "Kapitel A");
        while (w.doc.y - PAGE.margin < CONTENT_HEIGHT / 2) w.para("Füllzeile des Kapitels A.");
        w.startChapter();
        w.heading(1, "Kapitel B");
      }),
    );
    expect(pdf.pages).toBe(2);
    expect(pdf.pageText[0]).toContain("Kapitel A");
    expect(pdf.pageText[1]).toContain("Kapitel B");
  });

  test("words shaped once per process keep their widths in every later document", async () => {
    const fill = (w: Writer) => {
      w.doc.addPage();
      w.para("Großenhain-Süß: 16 % der Kommunen, Effizienz und Offizielles (Ligaturen: fi, ff, ffi).");
    };
    const first = await readPdf(await render(fill));
    const second = await readPdf(await render(fill));
    expect(second.lines.map((l) => [l.text, l.x.toFixed(2), l.right.toFixed(2)])).toEqual(
      first.lines.map((l) => [l.text, l.x.toFixed(2), l.right.toFixed(2)]),
    );
  });
});
