import { COLORS, CONTENT_WIDTH, PAGE } from "./page";

/** Where the footer's baseline box starts, from the top of the page. */
export const FOOTER_TOP = PAGE.height - 42;

/**
 * Page numbers, the footer and (for drafts) the watermark on every buffered page, as artifacts outside the
 * structure tree: assistive technology skips them.
 */
export function addPageFurniture(doc: PDFKit.PDFDocument, m: { footer: string; watermark: boolean }) {
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
    doc.text(m.footer, PAGE.margin, FOOTER_TOP, { width: CONTENT_WIDTH * 0.75, lineBreak: false });
    doc.text(`Seite ${i - range.start + 1} von ${range.count}`, PAGE.margin, FOOTER_TOP, {
      width: CONTENT_WIDTH,
      align: "right",
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
