import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "../support/test";
import { fillVerifiedCell, registerRowsForTests } from "../support/fixtures";
import { ZLagebildResponse } from "../../lib/lagebild/lagebild-schema";
import { readPdf } from "../support/pdf";

// The Lagebild (issue 20). This file owns the register cell Schleswig-Holstein × 5000_19999; the
// suppression checks use Schleswig-Holstein × gte_100000, where no test takes part.

const GERMAN = /[äöüß]|Bitte|nicht|Unbekannt/;
const CELL = { state: "DE-SH", sizeClass: "5000_19999" } as const;

test.describe.configure({ mode: "serial" });

test.describe("GET /api/lagebild", () => {
  test("covers every municipality of the register; a cell's count shows only from k on", async ({ request }) => {
    const body = ZLagebildResponse.parse(await (await request.get("/api/lagebild")).json());
    expect(body.coverage.reduce((n, c) => n + c.total, 0)).toBe(registerRowsForTests().length);
    for (const c of body.coverage) expect(c.participants === null || c.participants >= body.k).toBe(true);
  });

  test("a filled cell shows its participants' shares next to 2020; with fewer than 30 no estimate, with the reason", async ({
    request,
  }) => {
    await fillVerifiedCell(request, CELL, 0);
    const res = await request.get(`/api/lagebild?state=${CELL.state}&sizeClass=${CELL.sizeClass}`);
    expect(res.status()).toBe(200);
    const body = ZLagebildResponse.parse(await res.json());
    expect(body.suppressed).toBe(false);
    expect(body.release!.count).toBe(5);
    expect(body.coverage).toEqual([
      expect.objectContaining({ state: "DE-SH", sizeClass: "5000_19999", participants: 5 }),
    ]);
    const eFile = body.questions.find((q) => q.id === "e_file")!;
    expect(eFile.shares.in_use).toEqual({ share2020: 16, participants: 100 });
    // Five participants: the mean in whole points, no median, quartiles or histogram (only from 2k = 10).
    expect(body.index).toEqual({ mean: expect.any(Number), median: null, p25: null, p75: null, histogram: null });
    expect(Number.isInteger(body.index!.mean)).toBe(true);
    expect(body.estimates).toBeNull();
    expect(body.estimateNote).toContain("ab 30 teilnehmenden Kommunen");
  });

  test("a filter below k is suppressed: no shares, no index, no estimate", async ({ request }) => {
    const body = ZLagebildResponse.parse(
      await (await request.get("/api/lagebild?state=DE-SH&sizeClass=gte_100000")).json(),
    );
    expect(body).toMatchObject({ suppressed: true, release: null, index: null, questions: [], estimates: null });
  });

  for (const [what, query] of [
    ["an unknown parameter", "?city=Kiel"],
    ["an unknown state", "?state=DE-XX"],
    ["an unknown size class", "?sizeClass=huge"],
    ["a repeated parameter", "?state=DE-SH&state=DE-BY"],
    ["a huge value", `?state=${"A".repeat(5000)}`],
  ] as const)
    test(`refuses ${what} with a German 4xx`, async ({ request }) => {
      for (const path of [
        "/api/lagebild",
        "/api/lagebild/export.csv",
        "/api/lagebild/export.xlsx",
        "/api/lagebild/report.pdf",
      ]) {
        const res = await request.get(`${path}${query}`);
        expect(res.status(), path).toBeGreaterThanOrEqual(400);
        expect(res.status(), path).toBeLessThan(500);
        expect((await res.json()).error, path).toMatch(GERMAN);
      }
    });
});

test.describe("Lagebild exports", () => {
  test("CSV for German Excel and XLSX with one sheet per table", async ({ request }) => {
    const csv = await request.get(`/api/lagebild/export.csv?state=${CELL.state}&sizeClass=${CELL.sizeClass}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const text = (await csv.body()).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("Teilnehmende Kommunen;5");
    expect(text).toContain("Frage;Antwort;Bundesweit 2020 (%);Teilnehmende (%)");

    const xlsx = await request.get(`/api/lagebild/export.xlsx?state=${CELL.state}&sizeClass=${CELL.sizeClass}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-disposition"]).toContain("Digitalcheck-Lagebild-DE-SH-5000_19999.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()).buffer as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Übersicht",
      "Länder",
      "Größenklassen",
      "Gruppen",
      "Reifegrad",
      "Antworten",
    ]);
    const answers = book.getWorksheet("Antworten")!;
    expect(answers.getRow(1).values).toEqual([
      undefined,
      "Frage",
      "Antwort",
      "Bundesweit 2020 (%)",
      "Teilnehmende (%)",
      "Schätzung alle Kommunen (%)",
      "Schätzung 95 %: von",
      "Schätzung 95 %: bis",
    ]);
    expect(answers.rowCount).toBeGreaterThan(60);
    expect(book.getWorksheet("Gruppen")!.getRow(2).values).toEqual([
      undefined,
      "Schleswig-Holstein",
      expect.any(String),
      5,
      expect.any(Number),
    ]);
  });

  test("the PDF is tagged and carries participation and the answers", async ({ request }, testInfo) => {
    const res = await request.get(`/api/lagebild/report.pdf?state=${CELL.state}&sizeClass=${CELL.sizeClass}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    const body = await res.body();
    writeFileSync(testInfo.outputPath("lagebild.pdf"), body);
    const pdf = await readPdf(body);
    const text = pdf.text.replace(/\s+/g, " ");
    for (const needle of [
      "Lagebild: Schleswig-Holstein, Kleinstädte",
      "Teilnahme nach Ländern",
      "Die Antworten im Einzelnen",
      "Keine Schätzung für alle Kommunen",
    ])
      expect(text, needle).toContain(needle);
    expect(pdf.info.Tagged).toBe("yes");
    expect(pdf.structure.trimStart().startsWith("Document")).toBe(true);
  });

  test("the page shows participation, the suppression notice and the downloads", async ({ request }) => {
    const page = await request.get("/lagebild?state=DE-SH&sizeClass=gte_100000");
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(html).toContain("Lagebild");
    expect(html).toContain("Zu wenige Vergleichskommunen");
    expect(html).toContain("/api/lagebild/export.xlsx?state=DE-SH&amp;sizeClass=gte_100000");
  });
});
