import { writeFileSync } from "node:fs";
import { type APIRequestContext, type TestInfo } from "@playwright/test";
import { expect, test } from "../support/test";
import { reference } from "../../lib/survey/reference";
import { checkEasyLanguage, sentencesOf, type TEasyUnit } from "../../lib/easy-language/check";
import {
  completeAnswers,
  createAssessment,
  createSubmittedAssessment,
  createVerifiedSubmission,
  insertTestCodes,
  KNOWN_ANSWERS,
  registerCell,
  uniqueName,
} from "../support/fixtures";
import { readPdf, type TReadPdf } from "../support/pdf";

// GET /api/assessments/{token}/report.pdf over HTTP; the PDF is read back with pdfjs-dist (tests/support/pdf.ts):
// text, page count, fonts and the tagged structure tree.
//
// Peer groups: every test owns its cell (state × size class). Brandenburg (DE-BB) is used by no
// other test; here: 20000_99999 (the KNOWN_ANSWERS report, alone), 5000_19999 (drafts and one
// submission without a participation code, never counted), gte_100000 (exactly k = 5) and lt_5000 (k − 1 = 4).

type TPdf = TReadPdf & {
  body: Buffer;
  /** The text of all pages (pdf.js, in the order the content stream draws it). */
  raw: string;
};

const profile = (name: string, state: string, population: number) => ({
  municipality: { name, state, population },
  respondentRole: "mayor",
});

/** Today in Europe/Berlin as YYYY-MM-DD, as the file name has it. */
const berlinDate = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });

/** The text breaks lines (also after a hyphen, "E-\nRechnung") and spaces table columns: compare without whitespace. */
const compact = (s: string) => s.replace(/\s+/g, "");
const flat = (s: string) => s.replace(/\s+/g, " ");

function expectText(pdf: TPdf, needle: string) {
  expect(compact(pdf.raw).includes(compact(needle)), `the PDF's text contains "${needle}"`).toBe(true);
}

function expectNoText(pdf: TPdf, needle: string) {
  expect(compact(pdf.raw).includes(compact(needle)), `the PDF's text does not contain "${needle}"`).toBe(false);
}

async function getReport(request: APIRequestContext, token: string, testInfo: TestInfo, label = "report", query = "") {
  const res = await request.get(`/api/assessments/${token}/report.pdf${query}`);
  expect(res.status(), await res.text().catch(() => "")).toBe(200);
  const body = await res.body();
  // Kept beside the test's results for looking at a failure.
  writeFileSync(testInfo.outputPath(`${label}.pdf`), body);
  const read = await readPdf(body);
  const pdf: TPdf = { ...read, body, raw: read.text };
  return { res, pdf };
}

/** A PDF literal string starting at `start` (just after "("): escapes and balanced parentheses; UTF-16BE with BOM or PDFDocEncoding (as Latin-1). */
function readPdfString(bytes: Buffer, start: number): string {
  const out: number[] = [];
  let depth = 0;
  for (let i = start; i < bytes.length; i += 1) {
    const c = bytes[i]!;
    if (c === 0x5c) {
      const n = bytes[++i]!;
      const escapes: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
      if (n >= 0x30 && n <= 0x37) {
        let oct = String.fromCharCode(n);
        while (oct.length < 3 && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x37)
          oct += String.fromCharCode(bytes[++i]!);
        out.push(parseInt(oct, 8));
      } else if (n === 0x0a || n === 0x0d) {
        if (n === 0x0d && bytes[i + 1] === 0x0a) i += 1; // line continuation
      } else out.push(escapes[n] ?? n);
    } else if (c === 0x28) {
      depth += 1;
      out.push(c);
    } else if (c === 0x29) {
      if (depth === 0) break;
      depth -= 1;
      out.push(c);
    } else out.push(c);
  }
  const b = Buffer.from(out);
  if (b[0] === 0xfe && b[1] === 0xff) return b.subarray(2).swap16().toString("utf16le");
  return b.toString("latin1");
}

/** The structure elements of type /S /<type> that pdfkit writes as plain (uncompressed) objects. */
function structObjects(bytes: Buffer, type: string): Buffer[] {
  const text = bytes.toString("latin1");
  const objects: Buffer[] = [];
  for (const m of text.matchAll(/\d+ 0 obj\s*<<([\s\S]*?)\nendobj/g)) {
    if (new RegExp(`/S /${type}\\b`).test(m[1]!)) objects.push(bytes.subarray(m.index!, m.index! + m[0].length));
  }
  return objects;
}

function altOf(object: Buffer): string | null {
  const at = object.indexOf("/Alt (");
  return at === -1 ? null : readPdfString(object, at + "/Alt (".length);
}

test.describe("GET /api/assessments/{token}/report.pdf", () => {
  test("a submitted assessment: headers, file name, figures, statements, source, pages, metadata and fonts", async ({
    request,
  }, testInfo) => {
    const name = uniqueName("Großenhain-Süß");
    const { token } = await createSubmittedAssessment(request, KNOWN_ANSWERS, profile(name, "DE-BB", 45_000));
    const before = berlinDate();
    const { res, pdf } = await getReport(request, token, testInfo);
    const after = berlinDate();

    // Headers.
    const headers = res.headers();
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["cache-control"]).toContain("no-store");
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const disposition = headers["content-disposition"]!;
    expect(disposition).toMatch(/^attachment;/);
    const utf8 = /filename\*=UTF-8''([^;\s]+)/.exec(disposition);
    expect(utf8, disposition).not.toBeNull();
    const fileName = decodeURIComponent(utf8![1]!);
    expect([before, after].map((d) => `Digitalcheck-${name.replace(/ /g, "-")}-${d}.pdf`)).toContain(fileName);
    expect(fileName).toContain("Großenhain-Süß");
    const fallback = /filename="([^"]*)"/.exec(disposition);
    expect(fallback, disposition).not.toBeNull();
    expect(fallback![1]).toMatch(/^[\x20-\x7e]+$/);
    expect(fallback![1]).toMatch(/^Digitalcheck-.+-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(fallback![1]).toContain("Grossenhain-Suess");
    expect(fallback![1]!.endsWith(fileName.slice(-"YYYY-MM-DD.pdf".length))).toBe(true);

    // The municipality exactly as entered, the index, the national mean and the level.
    expectText(pdf, name);
    expect(pdf.raw).toContain(name);
    expectText(pdf, "64,4");
    expectText(pdf, "Digitaler Reifegrad: 64,4 von 100 Punkten – Stufe Fortgeschritten.");
    expectText(pdf, "Bundesdurchschnitt 2020: rund 48,5 Punkte");
    expectText(
      pdf,
      "Die Pressemitteilung rundet sie auf ganze Prozent; je nach Rundung liegt der Durchschnitt zwischen 47,6 und 49,3 Punkten.",
    );
    expectNoText(pdf, "exakt");
    expectText(pdf, "48,5");
    expectText(pdf, "Fortgeschritten");
    expectText(pdf, "Abgeschlossen");
    expectNoText(pdf, "Entwurf");
    expectNoText(pdf, "Vorläufig");

    // The exact statements of tests/api/benchmark.spec.ts, and every statement the benchmark API gives.
    expectText(pdf, "Sie nutzen die E-Rechnung bereits; 2020 taten das erst 20 % der Kommunen.");
    expectText(pdf, "Sie liegen vor rund 80 % der Kommunen.");
    expectText(pdf, "Sie planen oder diskutieren die E-Akte; 2020 taten das 61 % der Kommunen.");
    expectText(
      pdf,
      "Sie haben das E-Payment weder im Einsatz noch in Planung. Bei rund 33 % der Kommunen war das 2020 so, oder sie machten dazu keine Angabe. (abgeleiteter Wert)",
    );
    const benchmark = await (await request.get(`/api/assessments/${token}/benchmark`)).json();
    const statements = (benchmark.items as { statements: { text: string }[] }[]).flatMap((i) =>
      i.statements.map((s) => s.text),
    );
    expect(statements.length).toBeGreaterThanOrEqual(reference.questions.length);
    for (const statement of statements) expectText(pdf, statement);
    // Every recommendation title.
    for (const r of benchmark.recommendations as { title: string }[]) expectText(pdf, r.title);

    // Its peer group (DE-BB, Mittelstädte) has only this one municipality.
    expectText(pdf, "Zu wenige Vergleichskommunen");

    // The source: the press release with title and address; what the method section says of the figures.
    expectText(
      pdf,
      "Quelle: Pressemitteilung „Corona hat in Kommunen einen Digitalisierungsschub ausgelöst“ von Bitkom und dem Deutschen Städte- und Gemeindebund",
    );
    expectText(pdf, "Corona-hat-in-Kommunen-einen-Digitalisierungsschub-ausgeloeset");
    expectText(pdf, "nennt die Pressemitteilung nicht; wir lesen jeden Anteil als Anteil aller befragten Kommunen.");
    expectText(pdf, "Die Reihenfolge der Antworten hinter „Sie liegen vor … % der Kommunen“ haben wir festgelegt");
    expectText(pdf, "und „vor rund … %“ kann zu hoch sein.");
    expectText(pdf, "Ihr größter Handlungsbedarf");
    expectText(pdf, "623 Städten und Gemeinden");
    expectText(pdf, "Ende August bis Anfang November 2020");
    expectText(pdf, "Bitkom");

    // Document information.
    expect(pdf.info.Tagged).toBe("yes");
    expect(pdf.info.Title).toContain(name);
    expect(pdf.info.Title).toMatch(/^Digitalcheck /);
    expect(pdf.info.pageSize).toContain("(A4)");
    expect(pdf.pages).toBeGreaterThanOrEqual(5);

    // The footer on every page: "Seite n von N", N = the page count.
    expectText(pdf, "Seite 1 von");
    for (let n = 1; n <= pdf.pages; n += 1)
      expect(flat(pdf.raw), `footer of page ${n}`).toMatch(new RegExp(`Seite ${n} von ${pdf.pages}(?!\\d)`));
    expect(flat(pdf.raw)).not.toMatch(new RegExp(`Seite \\d+ von (?!${pdf.pages}(?!\\d))`));

    // Fonts: everything embedded, with a ToUnicode map, and Fira Sans.
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const f of pdf.fonts) {
      expect(f.embedded, `${f.name} embedded`).toBe(true);
      expect(f.toUnicode, `${f.name} has a ToUnicode map`).toBe(true);
    }
    expect(pdf.fonts.some((f) => /FiraSans/.test(f.name))).toBe(true);
  });

  test("the structure tree: de-DE, headings, paragraphs, tables, lists and figures with alternative text", async ({
    request,
  }, testInfo) => {
    const name = uniqueName("Großenhain-Süß");
    const { token } = await createSubmittedAssessment(request, KNOWN_ANSWERS, profile(name, "DE-BB", 45_001));
    const { pdf } = await getReport(request, token, testInfo);

    // The structure tree: element types (first word of each line) and the text they hold.
    const types = new Set(
      pdf.structure
        .split("\n")
        .map((l) => l.trim().split(/\s+/)[0])
        .filter((t) => t && !t.startsWith('"')),
    );
    for (const type of [
      "Document",
      "Sect",
      "H1",
      "H2",
      "H3",
      "P",
      "Table",
      "Caption",
      "TR",
      "TH",
      "TD",
      "Figure",
      "L",
      "LI",
      "Lbl",
      "LBody",
    ]) {
      expect(types.has(type), `structure element ${type}`).toBe(true);
    }
    expect(pdf.structure.trimStart().startsWith("Document")).toBe(true);
    expect(pdf.structure).toMatch(new RegExp(`H1\\s+"Digitalcheck ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`));
    for (const h1 of ["Zusammenfassung", "Ihre Antworten im Vergleich", "Empfehlungen", "Methode und Quelle"]) {
      expect(pdf.structure).toMatch(new RegExp(`H1\\s+"${h1}"`));
    }
    for (const topic of reference.topics) expect(pdf.structure).toContain(`"${topic.title}"`);
    // Page furniture (footer) is an artifact, outside the structure.
    expect(pdf.structure).not.toContain("Seite 1 von");

    // The raw bytes: pdfkit writes the catalog and the structure elements uncompressed.
    const bytes = pdf.body.toString("latin1");
    expect(bytes).toContain("/StructTreeRoot");
    expect(bytes).toContain("/Lang (de-DE)");
    expect(bytes).toContain("/DisplayDocTitle true");
    expect(bytes).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    for (const type of ["H1", "H2", "P", "Table", "Figure", "L"])
      expect(bytes, `/S /${type}`).toMatch(new RegExp(`/S /${type}\\b`));

    // Every figure has an alternative text: the radar chart and one bar chart per question.
    const figures = structObjects(pdf.body, "Figure");
    expect(figures.length).toBe((pdf.structure.match(/^\s*Figure$/gm) ?? []).length);
    expect(figures.length).toBe(1 + reference.questions.length);
    const alts = figures.map(altOf);
    for (const alt of alts) expect(alt?.trim().length ?? 0).toBeGreaterThan(20);
    expect(alts).toContain(
      "Netzdiagramm der fünf Dimensionen, 0 bis 100 Punkte: Strategie 50 (Bundesdurchschnitt 49,8); Prozesse 50 (Bundesdurchschnitt 46,7); " +
        "Dienste 50 (Bundesdurchschnitt 45,2); Ressourcen 72,2 (Bundesdurchschnitt 52,8); Arbeitsorganisation 100 (Bundesdurchschnitt 48).",
    );
    const invoice = reference.questions.find((q) => q.id === "e_invoice")!;
    const inUse = invoice.options.find((o) => o.id === "in_use")!.label;
    const invoiceAlt = alts.find(
      (a) => a?.includes(`${inUse} 20\u00a0%`) && a.startsWith("Balkendiagramm, bundesweite Verteilung 2020:"),
    );
    expect(invoiceAlt, alts.join("\n")).toBeDefined();
    expect(invoiceAlt).toContain(`Ihre Antwort: ${inUse}.`);
  });

  test("a draft: watermark and status 'Entwurf – nicht abgeschlossen', marked as preliminary", async ({
    request,
  }, testInfo) => {
    const name = uniqueName("Entwurfsheim-Süß");
    const { token } = await createAssessment(request, profile(name, "DE-BB", 9_000));
    const put = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 1, answers: { e_invoice: "in_use", e_file: "planned" } },
    });
    expect(put.status()).toBe(200);
    const { res, pdf } = await getReport(request, token, testInfo);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expectText(pdf, "Entwurf – nicht abgeschlossen");
    expectText(pdf, "Vorläufig");
    expectText(pdf, `Vorläufig: ${reference.questions.length - 2} Fragen sind noch offen.`);
    expectText(pdf, "Sie nutzen die E-Rechnung bereits; 2020 taten das erst 20 % der Kommunen.");
    expectText(pdf, name);
    // The watermark is page furniture (an artifact); in the structure only the cover's status cell says it.
    expect(pdf.structure.split("Entwurf – nicht abgeschlossen").length - 1).toBe(1);
    expect(pdf.info.Tagged).toBe("yes");

    // A draft without any answer gets a report too.
    const empty = await createAssessment(request, profile(uniqueName("Leerdorf"), "DE-BB", 9_001));
    const { pdf: emptyPdf } = await getReport(request, empty.token, testInfo, "empty");
    expectText(emptyPdf, "Entwurf – nicht abgeschlossen");
    expectText(emptyPdf, "Es ist noch keine Frage beantwortet");
    expectText(emptyPdf, `Vorläufig: ${reference.questions.length} Fragen sind noch offen.`);
    expectText(emptyPdf, "Noch nicht beantwortet.");
  });

  test("a peer group of k = 5 verified municipalities is shown with its figures and its release", async ({
    request,
  }, testInfo) => {
    const cell = registerCell("DE-SH", "20000_99999", 5);
    const codes = await insertTestCodes(cell.map((r) => r.key));
    const tokens: string[] = [];
    for (const m of cell)
      tokens.push((await createVerifiedSubmission(request, codes.get(m.key)!, completeAnswers())).token);
    const { pdf } = await getReport(request, tokens[4]!, testInfo);
    expectText(pdf, "Vergleichskommunen: 5 von");
    expectText(pdf, "Anteile bundesweit 2020 und bei den Vergleichskommunen");
    expectText(pdf, "Stand:");
    expectNoText(pdf, "Zu wenige Vergleichskommunen");
  });

  test("a peer group of k − 1 = 4 is suppressed: no count, no peer figures", async ({ request }, testInfo) => {
    const tokens: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      tokens.push(
        (
          await createSubmittedAssessment(
            request,
            completeAnswers(),
            profile(uniqueName("Landgemeinde-Süß"), "DE-BB", 1_500 + i),
          )
        ).token,
      );
    }
    const { pdf } = await getReport(request, tokens[3]!, testInfo);
    expectText(pdf, "Zu wenige Vergleichskommunen");
    expectNoText(pdf, "Vergleichskommunen: 4 von");
    expectNoText(pdf, "Anteile bundesweit 2020 und bei den Vergleichskommunen");
  });

  test("?leichteSprache=ja: the result in Leichter Sprache as the pages after the cover, within the rules; other values 422", async ({
    request,
  }, testInfo) => {
    // A draft (never counted in a peer group) with the hand-computed answers: index 64.4.
    const { token } = await createAssessment(request, profile(uniqueName("Leichtstadt"), "DE-BB", 9_500));
    const put = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 1, answers: KNOWN_ANSWERS },
    });
    expect(put.status()).toBe(200);
    const { pdf: plain } = await getReport(request, token, testInfo, "standard");
    const { pdf: easy } = await getReport(request, token, testInfo, "leichte-sprache", "?leichteSprache=ja");
    const { pdf: no } = await getReport(request, token, testInfo, "nein", "?leichteSprache=nein");

    expectNoText(plain, "Ergebnis in Leichter Sprache");
    expect(no.pages).toBe(plain.pages);
    expect(easy.pages).toBeGreaterThan(plain.pages);
    expect(easy.structure).toMatch(/H1\s+"Ergebnis in Leichter Sprache"/);
    // Right after the cover: page 2 starts with it.
    const pageTwo = easy.pageText[1]!;
    expect(pageTwo.trimStart().startsWith("Ergebnis in Leichter Sprache")).toBe(true);
    for (const needle of [
      "Ihre Kommune hat ungefähr 64 von 100 Punkten.",
      "Das ist die Stufe: Fortgeschritten.",
      "Bitte schicken Sie Ihre Antworten noch ab.",
      // The strongest point of KNOWN_ANSWERS: the portal in use (16 % in 2020).
      "Ihre Kommune hat schon ein Verwaltungs-Portal. Für Ihre Antwort gibt es mehr Punkte als im Durchschnitt von 2020. Im Jahr 2020 war das bei 16 von 100 Kommunen so.",
      "Das können Sie als Nächstes tun",
    ])
      // The raw text: the draft's watermark runs across the page and splits the layout text of long sentences.
      expect(compact(easy.raw), needle).toContain(compact(needle));
    // The same rules as on the web, on the text of its structure elements: headings as headings, each paragraph
    // one sentence, list labels left out.
    // From the line of the H1's tag on, so that every text has its tag in the line before it.
    const h1 = easy.structure.indexOf('"Ergebnis in Leichter Sprache"');
    const section = easy.structure.slice(
      easy.structure.lastIndexOf("\n", easy.structure.lastIndexOf("\n", h1) - 1) + 1,
    );
    // Up to the next section's heading (pdf.js gives the tree page by page, so a Sect may stand on several pages).
    const end = section.search(/\n\s*H1\n/);
    const lines = (end > 0 ? section.slice(0, end) : section).split("\n");
    const units: TEasyUnit[] = [];
    lines.forEach((line, i) => {
      const tag = /^\s*(\w+)/.exec(lines[i - 1] ?? "")?.[1];
      if (!/^\s*"/.test(line) || tag === "Lbl") return;
      const text = line.trim().replace(/^"|"$/g, "");
      if (/^H\d$/.test(tag ?? "")) units.push({ heading: text });
      else {
        expect(tag, text).toBe("P");
        expect(sentencesOf(text), "one sentence per paragraph").toHaveLength(1);
        units.push(text);
      }
    });
    const check = checkEasyLanguage(units);
    console.log(
      `[leichte sprache] PDF: ${check.sentences} sentences, average ${check.averageWords.toFixed(1)} words, longest ${check.longest?.words}`,
    );
    expect(check.problems).toEqual([]);
    expect(check.sentences).toBeGreaterThan(15);
    // Each point's name is a heading of its own (H3).
    expect(easy.structure).toMatch(/H3\s+"Bezahlen im Internet"/);

    for (const value of ["1", "JA", "leicht", ""]) {
      const res = await request.get(`/api/assessments/${token}/report.pdf?leichteSprache=${value}`);
      expect(res.status(), value).toBe(422);
      const body = await res.json();
      expect(body.error).toContain("leichteSprache muss ja");
      expect(body.issues[0].path).toBe("leichteSprache");
    }
  });

  test("?leichteSprache=ja: 14 pt on lines 1.5 times as high, each sentence from the left edge, no word split at a line's end", async ({
    request,
  }, testInfo) => {
    // Submitted (no draft's watermark across the text); without a participation code it counts in no peer group.
    const { token } = await createSubmittedAssessment(
      request,
      KNOWN_ANSWERS,
      profile(uniqueName("Zeilenstadt"), "DE-BB", 9_501),
    );
    const { pdf } = await getReport(request, token, testInfo, "leichte-sprache-satz", "?leichteSprache=ja");
    const lines = pdf.lines;
    const first = lines.find((l) => l.text === "Zusammenfassung")!.page;
    // The pages in Leichter Sprache: after the cover, before the summary; the footer is no part of them.
    const easy = lines.filter((l) => l.page >= 2 && l.page < first && l.baseline < 790);
    expect(easy.length).toBeGreaterThan(60);
    // Size: at least 14 pt.
    for (const l of easy) expect(l.size, l.text).toBeGreaterThanOrEqual(14 - 0.01);
    // Every line starts at the left edge or, in a list, right of its label: a sentence never follows another.
    const edges = new Set(easy.map((l) => Math.round(l.x)));
    expect([...edges].sort((a, b) => a - b)).toEqual([56, 78]);
    // Lines of text (not headings) of one paragraph 1.5 times their size apart, baseline to baseline.
    const body = (l: (typeof easy)[number]) => l.size < 15;
    for (const [a, b] of easy.slice(1).map((l, i) => [easy[i]!, l] as const))
      if (a.page === b.page && a.block === b.block && body(a) && body(b))
        expect(b.baseline - a.baseline, b.text).toBeGreaterThanOrEqual(a.size * 1.5 - 0.01);
    // No line ends in a hyphen ("Bundes-⏎Land"): lines break only between words.
    expect(easy.filter((l) => /-$/.test(l.text)).map((l) => l.text)).toEqual([]);
  });

  test("404 with a German JSON error for an unknown or malformed token", async ({ request }) => {
    for (const token of ["D".repeat(43), "kein-token"]) {
      const res = await request.get(`/api/assessments/${token}/report.pdf`);
      expect(res.status()).toBe(404);
      expect(res.headers()["content-type"]).toContain("application/json");
      expect(res.headers()["content-disposition"]).toBeUndefined();
      const body = await res.json();
      expect(body.error).toBe("Zu diesem Link gibt es keine Selbsteinschätzung. Bitte prüfen Sie den Link.");
    }
  });
});
