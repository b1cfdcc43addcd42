import { describe, expect, it } from "vitest";
import { renderReport } from "@/lib/report/render-report";
import type { TReportModel, TReportQuestion } from "@/lib/report/report-model";
import { readPdf } from "../../support/pdf";

// Page breaks of the PDF report, read back with pdfjs-dist (tests/support/pdf.ts).

function question(id: string, answers: number, share: number | null = 10): TReportQuestion {
  return {
    id,
    text: `Prüffrage ${id}: Wie weit ist Ihre Kommune?`,
    statements: [{ text: `Aussage ${id}: Sie gehören zu den 16 % der Kommunen mit dieser Antwort.`, derived: false }],
    position: null,
    national: Array.from({ length: answers }, (_, i) => ({
      label: `Antwort ${id}.${i + 1}`,
      share,
      derived: false,
      isOwn: i === 0,
    })),
    peers: null,
  };
}

function model(questions: TReportQuestion[], topicSize = questions.length): TReportModel {
  return {
    title: "Digitalcheck Prüfstadt",
    fileName: "Digitalcheck-Pruefstadt.pdf",
    isDraft: false,
    cover: {
      unitLabel: "Kommune",
      unitRows: [],
      municipality: "Prüfstadt",
      state: "Hessen",
      sizeClass: "5.000 bis 19.999",
      role: "Bürgermeister/in",
      date: "30.11.2026",
      status: "Abgeschlossen",
      ags: null,
    },
    summary: {
      score: null,
      level: null,
      levelDescription: null,
      nationalMean: 48.5,
      nationalLevel: "Aufbau",
      dimensions: ["Strategie", "Ressourcen", "Prozesse", "Dienste", "Arbeitsorganisation"].map((label) => ({
        label,
        score: null,
        nationalMean: 48.5,
      })),
      strongest: [],
      weakest: [],
      unanswered: 0,
    },
    topics: Array.from({ length: Math.ceil(questions.length / topicSize) }, (_, i) => ({
      title: `Prüfthema ${i + 1}`,
      questions: questions.slice(i * topicSize, (i + 1) * topicSize),
    })),
    peerGroup: {
      label: "Kleinstädte in Hessen",
      count: null,
      registerTotal: 100,
      suppressed: true,
      k: 5,
      release: null,
    },
    recommendations: [],
    progress: null,
    plan: [],
    easy: null,
    method: {
      source: "Bitkom und DStGB",
      title: "Prüftitel",
      url: "https://example.org/pm",
      sample: 623,
      fieldwork: "Ende August bis Anfang November 2020",
      published: "2. Dezember 2020",
      nationalMeanNote: "Rundungshinweis.",
      shareBaseNote: "Basishinweis.",
    },
  };
}

async function pages(m: TReportModel) {
  const pdf = await readPdf(await renderReport(m, new Date("2026-11-30T10:00:00Z")));
  return { pdf, text: pdf.pageText };
}

const compact = (s: string) => s.replace(/\s+/g, "");

describe("PDF report page breaks", () => {
  it("keeps each question with its statement, chart and table on one page, and a topic's heading with its first question", async () => {
    const questions = Array.from({ length: 12 }, (_, i) => question(`Q${i + 1}`, 3 + (i % 5)));
    const m = model(questions, 3);
    const { text } = await pages(m);
    for (const topic of m.topics) {
      const page = text.findIndex((t) => compact(t).includes(compact(topic.title)));
      expect(page, topic.title).toBeGreaterThan(-1);
      expect(compact(text[page]!), `${topic.title} with its first question`).toContain(
        compact(topic.questions[0]!.text),
      );
    }
    const topicPages = text.filter((t) => compact(t).includes("Prüffrage"));
    expect(topicPages.length).toBeGreaterThan(2);
    for (const q of questions) {
      const parts = [q.text, q.statements[0]!.text, ...q.national.map((b) => `${b.label} 10 %`)];
      const onPage = text.findIndex((t) => compact(t).includes(compact(q.text)));
      expect(onPage, q.id).toBeGreaterThan(-1);
      for (const part of parts)
        expect(compact(text[onPage]!).includes(compact(part)), `${q.id}: "${part}" on page ${onPage + 1}`).toBe(true);
    }
  });

  it("a table longer than a page repeats its header row on the next page, once in the structure", async () => {
    // 60 answers without a published share: the chart is empty, the table has 60 rows ("kein Wert").
    const long = question("L", 60, null);
    const { pdf, text } = await pages(model([long]));
    const rowPages = text.map((t, i) => ({ i, t })).filter(({ t }) => compact(t).includes("AntwortL."));
    expect(rowPages.length).toBeGreaterThan(1);
    for (const { i, t } of rowPages)
      expect(compact(t), `page ${i + 1}`).toContain(compact("Antwort Bundesweit 2020 Ihre Antwort"));
    // Every row is there once; the repeated header is a page artifact, not a second header row.
    for (let n = 1; n <= 60; n += 1) expect(text.join("\n")).toContain(`Antwort L.${n} `);
    expect(pdf.structure.match(/"Bundesweit 2020"/g)).toHaveLength(1);
    expect(pdf.elements("TH").filter((th) => th.text === "Bundesweit 2020")).toHaveLength(1);
  });

  it("a heading broken after a hyphen reads as one text in the structure tree, without a space", async () => {
    const name = "Großenhain-Süß 25728-mxd713o6-38 Großenhain-Süß 25728-mxd713o6-38 Groß-Süß";
    const base = model([question("Q1", 3)]);
    const m = { ...base, title: `Digitalcheck ${name}`, cover: { ...base.cover, municipality: name } };
    const { pdf } = await pages(m);
    // The cover's heading runs over three lines, each broken after a hyphen.
    expect(pdf.lines.filter((l) => l.page === 1 && /-$/.test(l.text)).length).toBeGreaterThan(0);
    expect(pdf.elements("H1")[0]!.text).toBe(`Digitalcheck ${name}`);
    expect(pdf.structure).toContain(`"Digitalcheck ${name}"`);
  });

  it("puts 'Wo wir uns uneinig sind' on a page of its own, with every row, only when there is a comparison", async () => {
    const m = model([question("Q1", 3)]);
    const without = await pages(m);
    expect(without.text.join("\n")).not.toContain("Wo wir uns uneinig sind");
    const withPage = await pages({
      ...m,
      disagreement: {
        summary: "3 von 3 eingeladenen Personen haben die Fragen für sich beantwortet.",
        rows: [
          {
            name: "E-Payment",
            answers:
              "2 × Ja, im Einsatz (Sie (federführend), Kämmerei); 1 × Weder im Einsatz noch geplant (IT-Leitung)",
            distance: "2 von 2 Stufen auseinander",
            disputed: true,
          },
          {
            name: "E-Rechnung",
            answers: "3 × Ja, im Einsatz (Sie, IT-Leitung, Kämmerei)",
            distance: "einig",
            disputed: false,
          },
        ],
      },
    });
    const page = withPage.text.findIndex((t) => t.includes("Wo wir uns uneinig sind"));
    expect(page).toBeGreaterThan(0);
    expect(withPage.text.length).toBe(without.text.length + 1);
    const text = compact(withPage.text[page]!);
    for (const part of [
      "E-Payment (uneinig)",
      "2 von 2 Stufen auseinander",
      "E-Rechnung",
      "einig",
      "Weder im Einsatz noch geplant (IT-Leitung)",
    ])
      expect(text).toContain(compact(part));
  });
});
