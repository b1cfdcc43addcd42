import type { TReportModel } from "./report-model";
import type { Writer } from "./pdf/writer";
import { bindUnits } from "./pdf/typography";
import { plainText, type TEasyBlock } from "../easy-language/content";
import { sentencesOf } from "../easy-language/check";

/**
 * The result in Leichter Sprache in the PDF (docs/adr/0012-leichte-sprache.md): 14 pt text on lines 1.5
 * times as high, each sentence starting a line of its own, no word split at a line's end (the lines are
 * broken here, only at spaces: pdfkit would break after any hyphen, "Bundes-⏎Land"), headings clearly larger
 * than the text and tagged H1–H3, a point's name as a heading of its own.
 */
export const EASY_PDF = {
  size: 14,
  /** Baseline to baseline: 1.5 × 14 pt. */
  lineHeight: 21,
  /** Extra space after a sentence and after a block, in pt. */
  sentenceGap: 3,
  blockGap: 10,
  heading: { 1: 24, 2: 20, 3: 17 },
  /** Where the body of a list item starts, right of its label. */
  indent: 22,
} as const;

/** Pieces that never break: words, and "Städte- und Gemeindebund" kept together after its open hyphen. */
function unbreakable(sentence: string): string[] {
  const words = sentence.split(" ").filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    if (/-$/.test(words[i]!) && /^(?:und|oder)$/.test(words[i + 1] ?? "") && words[i + 2]) {
      out.push(words.slice(i, i + 3).join(" "));
      i += 2;
    } else out.push(words[i]!);
  }
  return out;
}

/** The lines of a sentence at a width: filled word by word, broken only between words. */
export function breakLines(sentence: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of unbreakable(sentence)) {
    const next = line ? `${line} ${piece}` : piece;
    if (line && measure(next) > width) {
      lines.push(line);
      line = piece;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A heading of the text in Leichter Sprache, kept on a page with the first line after it. */
function heading(w: Writer, level: 1 | 2 | 3, text: string, x: number) {
  const { doc, frame } = w;
  const size = EASY_PDF.heading[level];
  doc.font("Bold").fontSize(size);
  const lines = breakLines(text, frame.left + frame.width - x, (s) => doc.widthOfString(s));
  const pitch = size * 1.3;
  if (level > 1) doc.y += level === 2 ? 14 : 6;
  w.ensureSpace(lines.length * pitch + EASY_PDF.lineHeight * 2);
  w.leaf(`H${level}`, () => {
    doc.font("Bold").fontSize(size).fillColor(frame.color);
    lines.forEach((line, i) => {
      doc.text(i < lines.length - 1 ? `${line} ` : line, x, doc.y, { lineBreak: false });
      doc.y += pitch;
    });
  });
  doc.y += 4;
}

/** One sentence as a paragraph of its own, starting a new line; its lines kept together on a page. */
function sentence(w: Writer, raw: string, x: number) {
  const text = bindUnits(raw);
  const { doc, frame } = w;
  doc.font("Regular").fontSize(EASY_PDF.size);
  const lines = breakLines(text, frame.left + frame.width - x, (s) => doc.widthOfString(s));
  w.ensureSpace(lines.length * EASY_PDF.lineHeight);
  w.leaf("P", () => {
    doc.font("Regular").fontSize(EASY_PDF.size).fillColor(frame.color);
    // A line keeps its trailing space, so that the tagged text of the sentence keeps all its spaces.
    lines.forEach((line, i) => {
      doc.text(i < lines.length - 1 ? `${line} ` : line, x, doc.y, { lineBreak: false });
      doc.y += EASY_PDF.lineHeight;
    });
  });
  doc.y += EASY_PDF.sentenceGap;
}

function sentences(w: Writer, text: string, x: number) {
  for (const s of sentencesOf(plainText(text))) sentence(w, s, x);
}

/** A list (L, LI, Lbl, LBody): each item's body as its sentences, a point's name first as an H3. */
function list(w: Writer, block: Extract<TEasyBlock, { kind: "list" | "points" }>) {
  const { doc, frame } = w;
  const items =
    block.kind === "list"
      ? block.items.map((i) => ({ title: null, text: i.text }))
      : block.items.map((i) => ({ title: i.title, text: i.text }));
  w.section("L", (l) => {
    items.forEach((item, i) => {
      l.section("LI", (li) => {
        doc.font("Regular").fontSize(EASY_PDF.size);
        w.ensureSpace(EASY_PDF.lineHeight * 4);
        const start = doc.y;
        // On the first line of the body: a point's name, 6 pt below (heading), or its first sentence.
        const y = start + (item.title ? 6 : 0);
        const label = block.numbered ? `${i + 1}.` : "•";
        li.leaf("Lbl", () => {
          doc
            .font("Bold")
            .fontSize(item.title ? EASY_PDF.heading[3] : EASY_PDF.size)
            .fillColor(frame.color)
            .text(label, frame.left, y, { lineBreak: false });
        });
        doc.y = start;
        li.section("LBody", (body) => {
          const x = frame.left + EASY_PDF.indent;
          if (item.title) heading(body, 3, item.title, x);
          sentences(body, item.text, x);
        });
      });
      doc.y += EASY_PDF.blockGap / 2;
    });
  });
  doc.x = frame.left;
}

/** The height `sentence` will take for a text at an edge: its lines and the gap after it. */
function sentenceHeight(w: Writer, raw: string, x: number) {
  const text = bindUnits(raw);
  const { doc, frame } = w;
  doc.font("Regular").fontSize(EASY_PDF.size);
  const lines = breakLines(text, frame.left + frame.width - x, (s) => doc.widthOfString(s));
  return lines.length * EASY_PDF.lineHeight + EASY_PDF.sentenceGap;
}

/**
 * The note on the check by readers, framed as on the web page: a bar and a light ground (drawn as artifacts),
 * its sentences at the list's indent.
 */
function note(w: Writer, sentences: string[]) {
  const { doc, frame } = w;
  const x = frame.left + EASY_PDF.indent;
  const height = sentences.reduce((h, s) => h + sentenceHeight(w, s, x), 0) + 12;
  w.ensureSpace(height);
  const top = doc.y;
  doc.markContent("Artifact", { type: "Layout" });
  doc.rect(frame.left, top, frame.width, height).fill(NOTE.ground);
  doc.rect(frame.left, top, 5, height).fill(NOTE.bar);
  doc.endMarkedContent();
  doc.y = top + 6;
  for (const s of sentences) sentence(w, s, x);
  doc.y = top + height + EASY_PDF.blockGap;
}
const NOTE = { ground: "#f0f3fa", bar: "#1f3f99" } as const;

/** The result in Leichter Sprache, when asked for: the pages right after the cover. */
export function renderEasyLanguage(w: Writer, m: TReportModel) {
  if (!m.easy) return;
  const { easy } = m;
  const { frame } = w;
  w.doc.addPage();
  w.section("Sect", (sec) => {
    heading(sec, 1, "Ergebnis in Leichter Sprache", frame.left);
    note(sec, easy.note);
    for (const s of easy.sections) {
      heading(sec, 2, s.heading, frame.left);
      for (const b of s.blocks) {
        if (b.kind === "p") sentences(sec, b.text, frame.left);
        else if (b.kind === "list" || b.kind === "points") list(sec, b);
        else continue;
        sec.doc.y += EASY_PDF.blockGap;
      }
    }
  });
}
