import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import * as fontkit from "fontkit";
import type { TReportBar, TReportModel, TReportQuestion } from "./report-model";
import { renderEasyLanguage } from "./render-easy-language";
import { DERIVED_NOTE, LEVELS_NOTE, ORDER_NOTE } from "../benchmark/method-notes";
import { formatDelta } from "../benchmark/year-over-year";
import { releaseRuleSentence } from "../peers/release-label";
import { formatDecimalOrDash, formatNumber } from "../format/number";

type TDoc = PDFKit.PDFDocument;
type TStruct = PDFKit.PDFStructureElement;

const FONT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "report", "fonts");
// Parsed once per process and shared by all documents (pdfkit accepts a fontkit font and subsets it
// into each PDF): parsing the OpenType tables per report cost about 35 ms. Fira Sans, SIL OFL 1.1 (fonts/OFL.txt).
type TFont = ReturnType<typeof fontkit.create>;
let fonts: { regular: TFont; bold: TFont } | null = null;
export function loadFonts() {
  fonts ??= {
    regular: withCharacterGlyphs(fontkit.create(readFileSync(path.join(FONT_DIR, "FiraSans-Regular.ttf")))),
    bold: withCharacterGlyphs(fontkit.create(readFileSync(path.join(FONT_DIR, "FiraSans-Bold.ttf")))),
  };
  return fonts;
}

/**
 * fontkit caches a glyph with the characters it was first asked for. When a PDF's subset embeds a composite
 * glyph (the colon is two periods, "ä" is "a" and a diaeresis), its components are fetched without characters;
 * if that came first, the period was cached without its character, and every later PDF of the process lost
 * the period from its text layer (copy, search, screen readers). Creating the glyphs of the base characters
 * from their characters first, once per process, rules that out.
 */
function withCharacterGlyphs(font: TFont): TFont {
  const f = font as unknown as { characterSet: number[]; glyphForCodePoint(codePoint: number): unknown };
  // Base characters only: combining marks (U+0300…) are fetched by fontkit's decomposition with the
  // character they belong to, and must stay so ("ä" keeps its text).
  const base = (cp: number) =>
    (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || (cp >= 0x2010 && cp <= 0x2027);
  for (const codePoint of f.characterSet) if (base(codePoint)) f.glyphForCodePoint(codePoint);
  return font;
}
const PAGE = { width: 595.28, height: 841.89, margin: 56, bottom: 70 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLORS = {
  text: "#171a2b",
  muted: "#4b5563",
  own: "#1f3f99",
  other: "#9aa3b5",
  national: "#5c6370",
  grid: "#d1d5db",
  watermark: "#c7cbd4",
};

const HEADING_SIZE = { 1: 22, 2: 16, 3: 12 } as const;

const fmt = formatDecimalOrDash;
const pct = (n: number | null, derived = false) =>
  n === null ? "kein Wert" : `${derived ? "rund " : ""}${fmt(n)}\u00a0%`;

/**
 * Renders the benchmark report as a tagged, accessible A4 PDF (PDF/UA subset, de-DE, embedded
 * Fira Sans). Charts are drawn as vectors from the same figures as the web charts; each has an
 * alternative text and its numbers follow as a table.
 */
export function renderReport(model: TReportModel, now: Date): Promise<Buffer> {
  return renderTaggedPdf(
    {
      title: model.title,
      subject: `Selbsteinschätzung der digitalen Reife im Vergleich mit der Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund 2020`,
      footer: `Kommunaler Digitalcheck · ${model.cover.municipality} · erstellt am ${model.cover.date}`,
      watermark: model.isDraft,
    },
    now,
    (w) => {
      w.doc.addPage();
      renderCover(w, model);
      renderEasyLanguage(w, model);
      w.doc.addPage();
      renderSummary(w, model);
      renderTopics(w, model);
      renderRecommendations(w, model);
      renderProgress(w, model);
      renderPlan(w, model);
      renderDisagreement(w, model);
      renderMethod(w, model);
    },
  );
}

/**
 * The report engine: a tagged, accessible A4 PDF (PDF/UA subset, de-DE, embedded Fira Sans) whose content
 * `fill` writes through a Writer, in reading order; page numbers and the footer are added as artifacts.
 * Used by the municipality report and the Lagebild (lib/report/render-lagebild.ts).
 */
export function renderTaggedPdf(
  meta: { title: string; subject: string; footer: string; watermark: boolean },
  now: Date,
  fill: (w: Writer) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: "1.7",
    tagged: true,
    // pdfkit supports PDF/UA; @types/pdfkit does not list it yet.
    subset: "PDF/UA" as never,
    lang: "de-DE",
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: "Kommunaler Digitalcheck",
      Subject: meta.subject,
      Keywords: "Digitalisierung, Kommune, Benchmark, Bitkom, DStGB",
      CreationDate: now,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const { regular, bold } = loadFonts();
  // @types/pdfkit does not know that a parsed fontkit font is accepted (pdfkit ≥ 0.16).
  doc.registerFont("Regular", regular as never);
  doc.registerFont("Bold", bold as never);
  doc.font("Regular");

  const root = doc.struct("Document");
  doc.addStructure(root);
  fill(new Writer(doc, root));
  root.end();

  addPageFurniture(doc, meta);
  doc.end();
  return done;
}

/** Small layout helper: every call adds one structure element in reading order. */
export class Writer {
  constructor(
    readonly doc: TDoc,
    private parent: TStruct,
  ) {}

  /** The content area, for a renderer that breaks its lines itself (lib/report/render-easy-language.ts). */
  readonly frame = { left: PAGE.margin, width: CONTENT_WIDTH, color: COLORS.text };

  /** A grouping element of the structure tree, its children added by `fill`. */
  section(type: "Sect" | "Part" | "L" | "LI" | "LBody", fill: (w: Writer) => void) {
    const s = this.doc.struct(type);
    this.parent.add(s);
    fill(new Writer(this.doc, s));
    s.end();
  }

  /** An element of the structure tree whose content `draw` puts on the page (a heading, a paragraph, a label). */
  leaf(type: "P" | "H1" | "H2" | "H3" | "Lbl", draw: () => void) {
    this.parent.add(this.doc.struct(type, {}, draw));
  }

  ensureSpace(height: number) {
    if (this.doc.y + height > PAGE.height - PAGE.bottom) this.doc.addPage();
  }

  /**
   * Starts a new page unless a block of this height fits on the current one; a block taller than a whole
   * page starts where it is. Keeps a question with its chart and table, and a table with its rows.
   */
  keepTogether(height: number) {
    if (height <= PAGE.height - PAGE.bottom - PAGE.margin) this.ensureSpace(height);
  }

  private lineHeight(size: number) {
    return this.doc.fontSize(size).currentLineHeight(true);
  }

  /** The heights the methods below take on the page (with their spacing), for keepTogether. */
  headingHeight(level: 1 | 2 | 3, text: string) {
    const size = HEADING_SIZE[level];
    this.doc.font("Bold");
    return (
      this.doc.fontSize(size).heightOfString(text, { width: CONTENT_WIDTH }) +
      this.lineHeight(size) * (level === 1 ? 0.3 : level === 2 ? 1.1 : 0.8)
    );
  }

  paraHeight(text: string, opts: { size?: number; bold?: boolean } = {}) {
    const size = opts.size ?? 10.5;
    this.doc.font(opts.bold ? "Bold" : "Regular");
    return (
      this.doc.fontSize(size).heightOfString(text, { width: CONTENT_WIDTH, lineGap: 1.5 }) + this.lineHeight(size) * 0.4
    );
  }

  figureHeight(height: number) {
    return height + this.lineHeight(10.5) * 0.4;
  }

  /** Column widths and row heights of a table; `table` takes it back so that a measured table is laid out once. */
  tableLayout(caption: string, headers: string[], rows: string[][], widths: number[]) {
    const cols = widths.map((f) => f * CONTENT_WIDTH);
    const rowHeight = (cells: string[], bold: boolean) => {
      this.doc.font(bold ? "Bold" : "Regular").fontSize(9);
      return Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: cols[i]! - 8 }))) + 6;
    };
    this.doc.font("Bold").fontSize(9);
    const captionHeight = this.doc.heightOfString(caption, { width: CONTENT_WIDTH });
    const headerHeight = rowHeight(headers, true);
    const rowHeights = rows.map((r) => rowHeight(r, false));
    const total = captionHeight + headerHeight + rowHeights.reduce((a, b) => a + b, 0) + this.lineHeight(9) * 0.6;
    return { cols, captionHeight, headerHeight, rowHeights, total };
  }

  heading(level: 1 | 2 | 3, text: string) {
    const size = HEADING_SIZE[level];
    this.ensureSpace(size * 3);
    if (level > 1) this.doc.moveDown(level === 2 ? 0.8 : 0.5);
    this.parent.add(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc
          .font("Bold")
          .fontSize(size)
          .fillColor(COLORS.text)
          .text(text, PAGE.margin, this.doc.y, { width: CONTENT_WIDTH });
      }),
    );
    this.doc.moveDown(0.3);
  }

  para(text: string, opts: { size?: number; bold?: boolean; color?: string } = {}) {
    const size = opts.size ?? 10.5;
    this.doc.font(opts.bold ? "Bold" : "Regular").fontSize(size);
    this.ensureSpace(Math.min(this.doc.heightOfString(text, { width: CONTENT_WIDTH }), 120));
    this.parent.add(
      this.doc.struct("P", {}, () => {
        this.doc
          .fillColor(opts.color ?? COLORS.text)
          .text(text, PAGE.margin, this.doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
      }),
    );
    this.doc.moveDown(0.4);
  }

  list(items: { label: string; body: string; title?: string }[], opts: { size?: number } = {}) {
    const size = opts.size ?? 10.5;
    const list = this.doc.struct("L");
    this.parent.add(list);
    for (const item of items) {
      const body = item.title ? `${item.title}. ${item.body}` : item.body;
      this.doc.font("Regular").fontSize(size);
      this.ensureSpace(Math.min(this.doc.heightOfString(body, { width: CONTENT_WIDTH - 18 }) + 4, 120));
      const y = this.doc.y;
      const li = this.doc.struct("LI");
      list.add(li);
      li.add(
        this.doc.struct("Lbl", {}, () =>
          this.doc.font("Bold").fontSize(size).fillColor(COLORS.text).text(item.label, PAGE.margin, y, { width: 16 }),
        ),
      );
      li.add(
        this.doc.struct("LBody", {}, () => {
          this.doc.fontSize(size).fillColor(COLORS.text);
          if (item.title) {
            this.doc.font("Bold").text(`${item.title}. `, PAGE.margin + 18, y, {
              width: CONTENT_WIDTH - 18,
              continued: true,
              lineGap: 1.5,
            });
            this.doc.font("Regular").text(item.body, { lineGap: 1.5 });
          } else {
            this.doc.font("Regular").text(item.body, PAGE.margin + 18, y, { width: CONTENT_WIDTH - 18, lineGap: 1.5 });
          }
        }),
      );
      li.end();
      this.doc.moveDown(0.35);
    }
    list.end();
    this.doc.x = PAGE.margin;
  }

  /**
   * A table with header row; columns as fractions of the content width. It stays on one page if it fits on
   * one; a longer table repeats its header row at the top of each further page (as a page artifact, so that
   * assistive technology reads the header once, from the structure).
   */
  table(
    caption: string,
    headers: string[],
    rows: string[][],
    widths: number[],
    layout = this.tableLayout(caption, headers, rows, widths),
  ) {
    const { cols, captionHeight, headerHeight, rowHeights, total } = layout;
    const table = this.doc.struct("Table");
    this.parent.add(table);
    this.keepTogether(total);
    this.ensureSpace(captionHeight + headerHeight + (rowHeights[0] ?? 0));
    const capt = this.doc.struct("Caption", {}, () =>
      this.doc
        .font("Bold")
        .fontSize(9)
        .fillColor(COLORS.muted)
        .text(caption, PAGE.margin, this.doc.y, { width: CONTENT_WIDTH }),
    );
    table.add(capt);
    const cellText = (cell: string, i: number, x: number, y: number, bold: boolean) =>
      this.doc
        .font(bold ? "Bold" : "Regular")
        .fontSize(9)
        .fillColor(COLORS.text)
        .text(cell, x + 4, y + 3, { width: cols[i]! - 8 });
    const rule = (y: number, header: boolean) => {
      this.doc.markContent("Artifact", { type: "Layout" });
      this.doc
        .moveTo(PAGE.margin, y)
        .lineTo(PAGE.margin + CONTENT_WIDTH, y)
        .lineWidth(header ? 1 : 0.5)
        .strokeColor(COLORS.grid)
        .stroke();
      this.doc.endMarkedContent();
    };
    /** Calls `draw` for each cell with the cell's left edge. */
    const eachCell = (cells: string[], draw: (cell: string, i: number, x: number) => void) => {
      let x = PAGE.margin;
      cells.forEach((cell, i) => {
        draw(cell, i, x);
        x += cols[i]!;
      });
    };
    /** The header row again on a new page: drawn, but not part of the structure tree. */
    const repeatHeader = () => {
      const y = this.doc.y;
      this.doc.markContent("Artifact", { type: "Pagination" });
      eachCell(headers, (cell, i, x) => cellText(cell, i, x, y, true));
      this.doc.endMarkedContent();
      rule(y + headerHeight, true);
      this.doc.y = y + headerHeight;
      this.doc.x = PAGE.margin;
    };
    const drawRow = (cells: string[], header: boolean, h: number) => {
      if (!header && this.doc.y + h > PAGE.height - PAGE.bottom) {
        this.doc.addPage();
        repeatHeader();
      }
      const y = this.doc.y;
      const tr = this.doc.struct("TR");
      table.add(tr);
      eachCell(cells, (cell, i, x) =>
        tr.add(this.doc.struct(header || i === 0 ? "TH" : "TD", {}, () => cellText(cell, i, x, y, header))),
      );
      tr.end();
      rule(y + h, header);
      this.doc.y = y + h;
      this.doc.x = PAGE.margin;
    };
    drawRow(headers, true, headerHeight);
    rows.forEach((r, i) => drawRow(r, false, rowHeights[i]!));
    table.end();
    this.doc.moveDown(0.6);
  }

  /** A vector chart as a Figure with alternative text. */
  figure(alt: string, height: number, draw: (x: number, y: number) => void) {
    this.ensureSpace(height + 10);
    const y = this.doc.y;
    this.parent.add(this.doc.struct("Figure", { alt }, () => draw(PAGE.margin, y)));
    this.doc.y = y + height;
    this.doc.x = PAGE.margin;
    this.doc.moveDown(0.4);
  }
}

function renderCover(w: Writer, m: TReportModel) {
  const { doc } = w;
  w.section("Sect", (s) => {
    doc.y = 180;
    s.heading(1, `Digitalcheck ${m.cover.municipality}`);
    s.para(
      "Selbsteinschätzung der digitalen Reife im Vergleich mit der bundesweiten Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund 2020",
      { size: 13, color: COLORS.muted },
    );
    doc.moveDown(1.5);
    s.table(
      "Angaben zur Kommune und zum Bericht",
      ["Angabe", "Wert"],
      [
        [m.cover.unitLabel, m.cover.municipality],
        ...m.cover.unitRows,
        ["Bundesland", m.cover.state],
        ["Größenklasse", m.cover.sizeClass],
        ...(m.cover.ags ? [["Amtlicher Gemeindeschlüssel", m.cover.ags]] : []),
        ["Ausgefüllt von", m.cover.role],
        ["Datum des Berichts", m.cover.date],
        ["Status", m.cover.status],
      ],
      [0.4, 0.6],
    );
  });
}

function renderSummary(w: Writer, m: TReportModel) {
  const { doc } = w;
  const s = m.summary;
  w.section("Sect", (sec) => {
    sec.heading(1, "Zusammenfassung");
    if (s.score !== null) {
      sec.para(`Digitaler Reifegrad: ${fmt(s.score)} von 100 Punkten – Stufe ${s.level}. ${s.levelDescription}`, {
        size: 13,
        bold: true,
      });
      sec.para(
        `Bundesdurchschnitt 2020: rund ${fmt(s.nationalMean)} Punkte (Stufe ${s.nationalLevel}). Der Index ist ein Modell des Digitalchecks. ${m.method.nationalMeanNote} ${LEVELS_NOTE}`,
      );
    } else {
      sec.para("Es ist noch keine Frage beantwortet; ein Reifegrad lässt sich noch nicht berechnen.");
    }
    if (s.unanswered > 0)
      sec.para(`Vorläufig: ${s.unanswered === 1 ? "1 Frage ist" : `${s.unanswered} Fragen sind`} noch offen.`, {
        bold: true,
      });
    const alt = `Netzdiagramm der fünf Dimensionen, 0 bis 100 Punkte: ${s.dimensions.map((d) => `${d.label} ${fmt(d.score)} (Bundesdurchschnitt ${fmt(d.nationalMean)})`).join("; ")}.`;
    sec.figure(alt, 230, (x, y) => drawRadar(doc, s.dimensions, x + CONTENT_WIDTH / 2, y + 112, 80));
    sec.table(
      "Reifegrad nach Dimensionen (Punkte von 100)",
      ["Dimension", "Ihre Kommune", "Bundesdurchschnitt 2020"],
      s.dimensions.map((d) => [d.label, fmt(d.score), fmt(d.nationalMean)]),
      [0.4, 0.3, 0.3],
    );
    sec.heading(2, "Ihre größten Stärken");
    if (s.strongest.length > 0)
      sec.list(s.strongest.map((p, i) => ({ label: `${i + 1}.`, body: [p.text, p.detail].filter(Boolean).join(" ") })));
    else sec.para("Bei keiner Frage liegen Sie über dem Bundesdurchschnitt 2020.");
    sec.heading(2, "Ihr größter Handlungsbedarf");
    if (s.weakest.length > 0)
      sec.list(s.weakest.map((p, i) => ({ label: `${i + 1}.`, body: [p.text, p.detail].filter(Boolean).join(" ") })));
    else sec.para("Bei keiner Frage liegen Sie unter dem Bundesdurchschnitt 2020.");
  });
}

function renderTopics(w: Writer, m: TReportModel) {
  const { doc } = w;
  doc.addPage();
  w.section("Sect", (sec) => {
    sec.heading(1, "Ihre Antworten im Vergleich");
    const g = m.peerGroup;
    sec.para(
      g.suppressed
        ? `Vergleich mit ${g.label}: Zu wenige Vergleichskommunen. Zahlen zeigen wir erst ab ${g.k} Kommunen einer Gruppe.`
        : `Vergleichskommunen: ${g.count} von ${formatNumber(g.registerTotal)} ${g.label}, die auf dieser Plattform eine Selbsteinschätzung abgeschlossen haben.${g.release ? ` ${g.release}. ${releaseRuleSentence(g.k, "der Gruppe")}.` : ""}`,
      { color: COLORS.muted },
    );
    for (const topic of m.topics) {
      const blocks = topic.questions.map((q) => questionBlock(sec, q));
      sec.section("Sect", (t) => {
        // A topic's heading stays with its first question.
        t.keepTogether(t.headingHeight(2, topic.title) + (blocks[0]?.height ?? 0));
        t.heading(2, topic.title);
        for (const b of blocks) {
          // A question, its statements, chart and table on one page, so that the council reads them together.
          t.keepTogether(b.height);
          b.draw(t);
        }
      });
    }
  });
}

/** One question of the report: its height on the page (for keepTogether) and how to draw it. */
function questionBlock(w: Writer, q: TReportQuestion) {
  const { doc } = w;
  const statements = q.statements.map((st) => (st.derived ? `${st.text} (abgeleiteter Wert)` : st.text));
  const shown = q.national.filter((b) => b.share !== null);
  const own = q.national.filter((b) => b.isOwn).map((b) => b.label);
  const chartHeight = barsHeight(doc, shown);
  const rows = q.national.map((b) => {
    const peer = q.peers?.find((p) => p.label === b.label);
    return [b.label, pct(b.share, b.derived), ...(q.peers ? [pct(peer?.share ?? 0)] : []), b.isOwn ? "Ja" : ""];
  });
  const table: [string, string[], string[][], number[]] = [
    q.peers ? "Anteile bundesweit 2020 und bei den Vergleichskommunen" : "Anteile bundesweit 2020",
    ["Antwort", "Bundesweit 2020", ...(q.peers ? ["Vergleichskommunen"] : []), "Ihre Antwort"],
    rows,
    q.peers ? [0.43, 0.19, 0.22, 0.16] : [0.55, 0.25, 0.2],
  ];
  const layout = w.tableLayout(...table);
  const height =
    w.headingHeight(3, q.text) +
    statements.reduce((h, st) => h + w.paraHeight(st), 0) +
    (q.position ? w.paraHeight(q.position, { bold: true }) : 0) +
    w.figureHeight(chartHeight) +
    layout.total;
  const draw = (t: Writer) => {
    t.heading(3, q.text);
    for (const st of statements) t.para(st);
    if (q.position) t.para(q.position, { bold: true });
    t.figure(
      `Balkendiagramm, bundesweite Verteilung 2020: ${shown.map((b) => `${b.label} ${pct(b.share, b.derived)}`).join("; ")}. Ihre Antwort: ${own.join(", ") || "keine"}.`,
      chartHeight,
      (x, y) => drawBars(doc, shown, x, y),
    );
    t.table(...table, layout);
  };
  return { height, draw };
}

function renderRecommendations(w: Writer, m: TReportModel) {
  w.doc.addPage();
  w.section("Sect", (sec) => {
    sec.heading(1, "Empfehlungen");
    if (m.recommendations.length === 0)
      sec.para("Bei den beantworteten Fragen sehen wir keine Lücke, für die wir einen nächsten Schritt empfehlen.");
    else {
      sec.para("Die nächsten Schritte, nach Wirkung geordnet:");
      sec.list(m.recommendations.map((r, i) => ({ label: `${i + 1}.`, title: r.title, body: r.text })));
    }
  });
}

function renderProgress(w: Writer, m: TReportModel) {
  const p = m.progress;
  if (!p) return;
  w.section("Sect", (sec) => {
    sec.heading(1, `Entwicklung seit ${p.previousLabel}`);
    sec.para(
      `Digitaler Reifegrad ${p.previousLabel}: ${fmt(p.indexBefore)} Punkte, ${p.label}: ${fmt(p.indexNow)} Punkte (${formatDelta(p.indexBefore, p.indexNow)} Punkte).`,
      { bold: true },
    );
    sec.table(
      `Dimensionen ${p.previousLabel} und ${p.label} (Punkte von 100)`,
      ["Dimension", p.previousLabel, p.label, "Veränderung"],
      p.dimensions.map((d) => [d.label, fmt(d.before), fmt(d.now), formatDelta(d.before, d.now)]),
      [0.4, 0.2, 0.2, 0.2],
    );
    if (p.history.length > 2)
      sec.table(
        "Reifegrad im Zeitverlauf",
        ["Jahr", "Reifegrad"],
        p.history.map((h) => [h.label, fmt(h.index)]),
        [0.5, 0.5],
      );
    sec.heading(2, "Was sich geändert hat");
    if (p.changes.length === 0) sec.para(`Ihre Antworten sind dieselben wie ${p.previousLabel}.`);
    else sec.list(p.changes.map((c) => ({ label: "–", body: c })));
    if (p.newStrengths.length > 0) sec.para(`Neue Stärken: ${p.newStrengths.join(", ")}.`);
    if (p.newGaps.length > 0) sec.para(`Neue Lücken: ${p.newGaps.join(", ")}.`);
  });
}

function renderPlan(w: Writer, m: TReportModel) {
  if (m.plan.length === 0) return;
  // On a page of its own: the council may adopt it as it stands.
  w.doc.addPage();
  w.section("Sect", (sec) => {
    sec.heading(1, "Maßnahmenplan");
    sec.para(
      "Die Ziele der Kommune, geordnet nach der Dringlichkeit der Empfehlungen: welche Antwort bis wann erreicht werden soll und wer verantwortlich ist.",
    );
    sec.table(
      "Maßnahmenplan",
      ["Thema", "Heute", "Ziel", "Bis", "Verantwortlich", "Stand"],
      m.plan.map((r) => [r.name, r.today, r.target, String(r.year), r.responsible, r.met ? "erreicht" : "offen"]),
      [0.18, 0.17, 0.17, 0.09, 0.27, 0.12],
    );
  });
}

/** "Wo wir uns uneinig sind": the comparison of the unit's own people, on a page of its own. */
function renderDisagreement(w: Writer, m: TReportModel) {
  const d = m.disagreement;
  if (!d) return;
  w.doc.addPage();
  w.section("Sect", (sec) => {
    sec.heading(1, "Wo wir uns uneinig sind");
    sec.para(d.summary);
    sec.table(
      "Antworten der Beteiligten je Frage, die größte Uneinigkeit zuerst",
      ["Frage", "Antworten nach Rollen", "Abstand"],
      d.rows.map((r) => [r.disputed ? `${r.name} (uneinig)` : r.name, r.answers, r.distance]),
      [0.22, 0.56, 0.22],
    );
  });
}

function renderMethod(w: Writer, m: TReportModel) {
  w.section("Sect", (sec) => {
    sec.heading(1, "Methode und Quelle");
    sec.para(
      `Quelle: Pressemitteilung „${m.method.title}“ von Bitkom und dem Deutschen Städte- und Gemeindebund, veröffentlicht am ${m.method.published} (${m.method.url}). Umfrage unter ${m.method.sample} Städten und Gemeinden, Online-Umfrage von Bitkom Research, ${m.method.fieldwork}. Befragt wurden Bürgermeisterinnen, Bürgermeister und Digitalisierungsverantwortliche; die Umfrage ist nach Angabe der Herausgeber repräsentativ für die Kommunen in Deutschland.`,
    );
    sec.para(`Veröffentlicht und abgeleitet: ${m.method.shareBaseNote} ${DERIVED_NOTE}`);
    sec.para(`„Sie liegen vor … %“ ist die Summe der Anteile niedriger eingestufter Antworten. ${ORDER_NOTE}`);
    sec.para(
      "Der digitale Reifegrad ist ein Modell des Digitalchecks: Jede Antwort erhält 0 bis 1 Punkt, Dimensionen sind Mittelwerte ihrer Fragen, der Index der Mittelwert der fünf Dimensionen mal 100. Die Zahlen von 2020 beschreiben den Stand während der Corona-Pandemie und altern.",
    );
    sec.para(
      `Vergleichskommunen: nur zusammengefasste Antworten von mindestens ${m.peerGroup.k} Kommunen je Gruppe; einzelne Antworten werden nie gezeigt.`,
    );
    sec.para(`Erstellt am ${m.cover.date} mit dem Kommunalen Digitalcheck.`, { color: COLORS.muted });
  });
}

function barsHeight(doc: TDoc, bars: TReportBar[]): number {
  doc.font("Regular").fontSize(8.5);
  return (
    bars.reduce((h, b) => h + Math.max(16, doc.heightOfString(barLabel(b), { width: CONTENT_WIDTH * 0.42 }) + 4), 0) +
    18
  );
}

const barLabel = (b: TReportBar) => `${b.label}${b.isOwn ? " (Ihre Antwort)" : ""}`;

/** Horizontal bars 0–100 %: own answer dark and outlined, and named in its label (not colour alone). */
function drawBars(doc: TDoc, bars: TReportBar[], x: number, y: number) {
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
      .text(pct(b.share, b.derived), barX + len + 4, cy + 3, { width: 56, lineBreak: false });
    cy += h;
  }
  doc.moveTo(barX, y).lineTo(barX, cy).lineWidth(0.5).strokeColor(COLORS.grid).stroke();
  doc
    .font("Regular")
    .fontSize(7.5)
    .fillColor(COLORS.muted)
    .text("0\u00a0%", barX - 6, cy + 2, { width: 30, lineBreak: false });
  doc.text("100\u00a0%", barX + barW - 12, cy + 2, { width: 30, lineBreak: false });
  doc.fillColor(COLORS.text);
}

/** Radar chart of the five dimensions: own polygon solid, national mean dashed. */
function drawRadar(
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

/** Page numbers, generation date and (for drafts) the watermark, as artifacts outside the structure. */
function addPageFurniture(doc: TDoc, m: { footer: string; watermark: boolean }) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (m.watermark) {
      doc.markContent("Artifact", { type: "Page" });
      doc.save();
      doc.rotate(-40, { origin: [PAGE.width / 2, PAGE.height / 2] });
      doc.font("Bold").fontSize(34).fillColor(COLORS.watermark).fillOpacity(0.45);
      // Wider than the page so that the rotated line never wraps.
      doc.text("Entwurf – nicht abgeschlossen", -PAGE.width / 2, PAGE.height / 2 - 20, {
        width: PAGE.width * 2,
        align: "center",
        lineBreak: false,
      });
      doc.restore();
      doc.fillOpacity(1);
      doc.endMarkedContent();
    }
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("Regular").fontSize(8.5).fillColor(COLORS.muted);
    doc.text(m.footer, PAGE.margin, PAGE.height - 42, { width: CONTENT_WIDTH * 0.75, lineBreak: false });
    doc.text(`Seite ${i - range.start + 1} von ${range.count}`, PAGE.margin, PAGE.height - 42, {
      width: CONTENT_WIDTH,
      align: "right",
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
