import { COLORS, CONTENT_HEIGHT, CONTENT_WIDTH, HEADING_SIZE, PAGE } from "./page";
import { bindUnits } from "./typography";

type TDoc = PDFKit.PDFDocument;
type TStruct = PDFKit.PDFStructureElement;

/**
 * Writes a tagged document in reading order: every call adds one structure element (docs/adr/0006) below the
 * element the Writer stands for, and draws its content on the page. Text passes through `bindUnits`, so that a
 * number never stands at a line's end without its unit.
 */
export class Writer {
  constructor(
    readonly doc: TDoc,
    private parent: TStruct,
  ) {}

  /** The content area, for a renderer that breaks its lines itself (lib/report/render-easy-language.ts). */
  readonly frame = { left: PAGE.margin, width: CONTENT_WIDTH, color: COLORS.text };

  /** The structure element this Writer adds to (for a document that hangs its elements from it itself). */
  get element(): TStruct {
    return this.parent;
  }

  /** A grouping element of the structure tree, its children added by `fill`. */
  section(type: "Sect" | "Part" | "L" | "LI" | "LBody", fill: (w: Writer) => void) {
    const s = this.doc.struct(type);
    this.parent.add(s);
    fill(new Writer(this.doc, s));
    s.end();
  }

  /** An element of the structure tree whose content `draw` puts on the page (a heading, a paragraph, a label). */
  leaf(type: "P" | "H1" | "H2" | "H3" | "Lbl", draw: () => void) {
    // A leaf is ended as it is made (pdfkit ends an element made with its content), so that a streamed document
    // (the invitation letters) can write it out at once.
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
    if (height <= CONTENT_HEIGHT) this.ensureSpace(height);
  }

  /**
   * Where a chapter starts: on a new page, unless what the chapter before left on the current page is a short
   * spill (less than a third of the page): then the chapter follows on that page, after a gap, rather than leave
   * it nearly empty.
   */
  startChapter() {
    const used = this.doc.y - PAGE.margin;
    if (used > CONTENT_HEIGHT / 3) this.doc.addPage();
    else if (used > 0) this.doc.moveDown(1.5);
  }

  private lineHeight(size: number) {
    return this.doc.fontSize(size).currentLineHeight(true);
  }

  /** The heights the methods below take on the page (with their spacing), for keepTogether. */
  headingHeight(level: 1 | 2 | 3, raw: string) {
    const text = bindUnits(raw);
    const size = HEADING_SIZE[level];
    this.doc.font("Bold");
    return (
      this.doc.fontSize(size).heightOfString(text, { width: CONTENT_WIDTH }) +
      this.lineHeight(size) * (level === 1 ? 0.3 : level === 2 ? 1.1 : 0.8)
    );
  }

  paraHeight(raw: string, opts: { size?: number; bold?: boolean } = {}) {
    const text = bindUnits(raw);
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
  tableLayout(rawCaption: string, rawHeaders: string[], rawRows: string[][], widths: number[]) {
    const { caption, headers, rows } = bindTable(rawCaption, rawHeaders, rawRows);
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

  heading(level: 1 | 2 | 3, raw: string) {
    const text = bindUnits(raw);
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

  para(raw: string, opts: { size?: number; bold?: boolean; color?: string } = {}) {
    const text = bindUnits(raw);
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
    for (const raw of items) {
      const item = { label: raw.label, body: bindUnits(raw.body), title: raw.title && bindUnits(raw.title) };
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
    rawCaption: string,
    rawHeaders: string[],
    rawRows: string[][],
    widths: number[],
    layout = this.tableLayout(rawCaption, rawHeaders, rawRows, widths),
  ) {
    const { caption, headers, rows } = bindTable(rawCaption, rawHeaders, rawRows);
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

const bindTable = (caption: string, headers: string[], rows: string[][]) => ({
  caption: bindUnits(caption),
  headers: headers.map(bindUnits),
  rows: rows.map((r) => r.map(bindUnits)),
});
