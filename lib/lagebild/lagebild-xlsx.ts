import "server-only";
import ExcelJS from "exceljs";
import type { TExportTable } from "./lagebild-tables";

/** The Lagebild as an Excel workbook (exceljs): one sheet per table, a bold, frozen header row. */
export async function renderLagebildXlsx(tables: readonly TExportTable[], now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Kommunaler Digitalcheck";
  book.created = now;
  for (const t of tables) {
    const sheet = book.addWorksheet(t.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(t.header).font = { bold: true };
    for (const r of t.rows) sheet.addRow(r.map((v) => (v === null ? "" : v)));
    sheet.columns.forEach((c, i) => {
      const longest = Math.max(t.header[i]?.length ?? 8, ...t.rows.map((r) => String(r[i] ?? "").length));
      c.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
