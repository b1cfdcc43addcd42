import { csvCell } from "../peers/peer-csv";

/**
 * Issued codes for a mail merge: semicolons, header `ags;name;code`, CRLF. `bom` for a file that German
 * Excel opens as UTF-8 (a download, `--out`); standard output gets none, so that it pipes cleanly.
 */
export function renderCodesCsv(rows: readonly { ags: string; name: string; code: string }[], bom: boolean): string {
  const lines = [["ags", "name", "code"], ...rows.map((r) => [r.ags, r.name, r.code])];
  return (bom ? "\uFEFF" : "") + lines.map((l) => l.map(csvCell).join(";")).join("\r\n") + "\r\n";
}
