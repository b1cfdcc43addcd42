import { csvCell } from "../peers/peer-csv";

/**
 * Issued codes for a mail merge: semicolons, header `key;name;kind;code` (key: AGS or Gemeindeverband key; kind:
 * gemeinde or verwaltung), CRLF. `bom` for a file that German Excel opens as UTF-8 (a download, `--out`);
 * standard output gets none, so that it pipes cleanly.
 */
export function renderCodesCsv(
  rows: readonly { key: string; name: string; kind: string; code: string }[],
  bom: boolean,
): string {
  const lines = [["key", "name", "kind", "code"], ...rows.map((r) => [r.key, r.name, r.kind, r.code])];
  return (bom ? "\uFEFF" : "") + lines.map((l) => l.map(csvCell).join(";")).join("\r\n") + "\r\n";
}
