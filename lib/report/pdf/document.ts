import PDFDocument from "pdfkit";
import { registerFonts } from "./fonts";
import { addPageFurniture } from "./furniture";
import { PAGE } from "./page";
import { Writer } from "./writer";

type TMargins = { top: number; bottom: number; left: number; right: number };

/**
 * A tagged A4 document (docs/adr/0006): PDF 1.7, de-DE, the title shown in the viewer's title bar, Fira Sans
 * registered as "Regular" and "Bold", and the root of the structure tree (`Document`) that every element hangs
 * from. The reports buffer their pages (the footer counts them at the end, PDF/UA subset); the invitation letters
 * stream theirs, page by page.
 */
export function createTaggedDocument(options: {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
  creationDate?: Date;
  margins: TMargins;
  /** Keep every page until the end (for furniture that needs the page count). */
  bufferPages: boolean;
  /** Declare conformance to PDF/UA (pdfkit's subset: identification in the metadata, checks on fonts). */
  pdfUa: boolean;
}): { doc: PDFKit.PDFDocument; root: PDFKit.PDFStructureElement } {
  const doc = new PDFDocument({
    size: "A4",
    margins: options.margins,
    bufferPages: options.bufferPages,
    autoFirstPage: false,
    pdfVersion: "1.7",
    tagged: true,
    // pdfkit supports PDF/UA; @types/pdfkit does not list it yet.
    ...(options.pdfUa ? { subset: "PDF/UA" as never } : {}),
    lang: "de-DE",
    displayTitle: true,
    info: {
      Title: options.title,
      Author: options.author,
      ...(options.subject ? { Subject: options.subject } : {}),
      ...(options.keywords ? { Keywords: options.keywords } : {}),
      ...(options.creationDate ? { CreationDate: options.creationDate } : {}),
    },
  });
  registerFonts(doc);
  const root = doc.struct("Document");
  doc.addStructure(root);
  return { doc, root };
}

/** What a report's furniture and metadata say. */
export type TReportMeta = { title: string; subject: string; footer: string; watermark: boolean };

/**
 * A report as a tagged, accessible A4 PDF (PDF/UA subset) whose content `fill` writes through a Writer, in reading
 * order; page numbers, the footer and a draft's watermark are added at the end, as artifacts. The documents on it:
 * the municipality report (lib/report/render-report.ts, with the pages in Leichter Sprache of
 * lib/report/render-easy-language.ts) and the Lagebild (lib/report/render-lagebild.ts).
 */
export function renderTaggedPdf(meta: TReportMeta, now: Date, fill: (w: Writer) => void): Promise<Buffer> {
  const { doc, root } = createTaggedDocument({
    title: meta.title,
    author: "Kommunaler Digitalcheck",
    subject: meta.subject,
    keywords: "Digitalisierung, Kommune, Benchmark, Bitkom, DStGB",
    creationDate: now,
    margins: { top: PAGE.margin, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    pdfUa: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  fill(new Writer(doc, root));
  root.end();
  addPageFurniture(doc, meta);
  doc.end();
  return done;
}
