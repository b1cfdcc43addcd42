import { csvCell } from "../peers/peer-csv";
import { auditActionLabel, AUDIT_OUTCOMES, type TAuditOutcome } from "./actions";
import { formatAuditTime } from "./query";
import type { TAuditEntry } from "./list";

/** An entry as lib/audit/list.ts reads it; the CSV has no use for its id. */
type TRow = Omit<TAuditEntry, "id">;

export const AUDIT_CSV_HEADER = [
  "Zeitpunkt",
  "Zeitpunkt (UTC, ISO 8601)",
  "Wer",
  "Kennung beim Anmeldedienst",
  "Aktion",
  "Ergebnis",
  "Anzahl",
  "Betrifft",
  "Hinweis",
];

/** The trail as CSV for German Excel: UTF-8 with BOM, semicolons, German headers, formula-like cells neutralised. */
export function renderAuditCsv(rows: TRow[]): string {
  const lines = [
    AUDIT_CSV_HEADER,
    ...rows.map((r) => [
      formatAuditTime(r.at),
      r.at.toISOString(),
      r.actor,
      r.subject,
      auditActionLabel(r.action),
      AUDIT_OUTCOMES[r.outcome as TAuditOutcome] ?? r.outcome,
      r.count,
      r.target,
      r.detail,
    ]),
  ];
  return "\uFEFF" + lines.map((l) => l.map((c) => csvCell(c)).join(";")).join("\r\n") + "\r\n";
}
