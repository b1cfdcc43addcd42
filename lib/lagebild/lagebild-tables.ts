import type { TReference } from "../survey/schema";
import { getStateName } from "../profile/states";
import { getSizeClass } from "../profile/size-class";
import { formatReleaseDate } from "../peers/release-label";
import { csvCell } from "../peers/peer-csv";
import { sharePct as pct, type TLagebild } from "./build-lagebild";
import { isDerivedShare, shareLabel } from "../survey/share-label";

/** One table of the Lagebild's exports: a sheet of the XLSX, a block of the CSV. */
export type TExportTable = { name: string; header: string[]; rows: (string | number | null)[][] };

/** The Lagebild as tables, the same for CSV and XLSX (only aggregates, never a single municipality). */
export function lagebildTables(ref: TReference, l: TLagebild): TExportTable[] {
  const tables: TExportTable[] = [
    {
      name: "Übersicht",
      header: ["Angabe", "Wert"],
      rows: [
        ["Kommunaler Digitalcheck – Lagebild", null],
        ["Bundesland", l.filter.state ? getStateName(l.filter.state) : "alle"],
        ["Größenklasse", l.filter.sizeClass ? getSizeClass(l.filter.sizeClass).label : "alle"],
        ["Teilnehmende Kommunen", l.totals.participants],
        ["Kommunen laut Gemeindeverzeichnis", l.totals.total],
        ["Stand", l.release ? formatReleaseDate(l.release.releasedAt) : "keine Veröffentlichung"],
        [
          "Schätzung für alle Kommunen",
          l.suppressed
            ? `keine: weniger als ${l.k} teilnehmende Kommunen`
            : l.estimate.shown
              ? `nach Land und Größenklasse gewichtet, ${l.estimate.participants} von ${l.estimate.total} Kommunen`
              : `keine: ${l.estimate.reason}`,
        ],
      ],
    },
    {
      name: "Länder",
      header: ["Land", "Teilnehmend", "Kommunen", "Anteil (%)"],
      rows: l.byState.map((r) => [getStateName(r.state), r.participants, r.total, pct(r.participants, r.total)]),
    },
    {
      name: "Größenklassen",
      header: ["Größenklasse", "Teilnehmend", "Kommunen", "Anteil (%)"],
      rows: l.bySizeClass.map((r) => [
        getSizeClass(r.sizeClass).label,
        r.participants,
        r.total,
        pct(r.participants, r.total),
      ]),
    },
    {
      name: "Gruppen",
      header: ["Land", "Größenklasse", "Teilnehmend", "Kommunen"],
      rows: l.coverage.map((c) => [
        getStateName(c.state),
        getSizeClass(c.sizeClass).label,
        c.participants ?? `weniger als ${l.k}`,
        c.total,
      ]),
    },
  ];
  if (l.suppressed) return tables;
  if (l.index)
    tables.push({
      name: "Reifegrad",
      header: ["Reifegrad (Punkte)", "Kommunen"],
      rows: [
        ...(l.index.histogram ?? []).map((b) => [`${b.from}–${b.to}`, b.count] as (string | number | null)[]),
        ...(l.index.stats.median === null
          ? []
          : [
              ["Median", l.index.stats.median],
              ["25. Perzentil", l.index.stats.p25],
              ["75. Perzentil", l.index.stats.p75],
            ]),
        ["Mittelwert", l.index.stats.mean],
        ...(l.estimate.shown
          ? [
              ["Schätzung Mittelwert, alle Kommunen", l.estimate.index.value],
              ["Schätzung 95 %: von", l.estimate.index.low],
              ["Schätzung 95 %: bis", l.estimate.index.high],
            ]
          : []),
      ],
    });
  tables.push({
    name: "Antworten",
    header: [
      "Frage",
      "Antwort",
      "Bundesweit 2020 (%)",
      "Teilnehmende (%)",
      "Schätzung alle Kommunen (%)",
      "Schätzung 95 %: von",
      "Schätzung 95 %: bis",
    ],
    rows: ref.questions.flatMap((q) => {
      const row = l.questions.find((x) => x.id === q.id)!;
      return q.options.map((o) => {
        const v = row.options.find((x) => x.id === o.id)!;
        return [
          q.text,
          // A 2020 value the press release does not give (a remainder to 100 %) says so.
          isDerivedShare(o) ? `${o.label} (Wert 2020: ${shareLabel(o)})` : o.label,
          v.share2020,
          v.share,
          v.estimate?.value ?? null,
          v.estimate?.low ?? null,
          v.estimate?.high ?? null,
        ];
      });
    }),
  });
  return tables;
}

/** CSV for German Excel: UTF-8 with BOM, semicolons, decimal comma; one block per table. */
export function renderLagebildCsv(tables: readonly TExportTable[]): string {
  const lines: string[] = [];
  for (const t of tables) {
    lines.push(csvCell(t.name), t.header.map(csvCell).join(";"), ...t.rows.map((r) => r.map(csvCell).join(";")), "");
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
