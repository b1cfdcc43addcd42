import type { TReference } from "../survey/schema";
import { getStateName } from "../profile/states";
import { getSizeClass } from "../profile/size-class";
import { formatReleaseDate } from "../peers/release-label";
import { csvCell } from "../peers/peer-csv";
import { rangeText, sharePct as pct, type TLagebild, type TRange } from "./build-lagebild";
import { collapsedGroups, DEMO_NOTE } from "./lagebild-words";
import { joinNames } from "./estimate";
import { isDerivedShare, shareLabel } from "../survey/share-label";

/** One table of the Lagebild's exports: a sheet of the XLSX, a block of the CSV. */
export type TExportTable = { name: string; header: string[]; rows: (string | number | null)[][] };

/** The interval column: "2,1–13,6 %" as on the page, or that a full census has none. */
const intervalCell = (e: TRange | null, unit: "%" | "Punkte" = "%") =>
  e === null ? null : e.census ? "Vollerhebung, ohne Zufallsfehler" : rangeText(e, unit);

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
        ["Teilnehmende Verwaltungen", l.totals.participants],
        ["Verwaltungen laut Gemeindeverzeichnis", l.totals.total],
        ["Stand", l.release ? formatReleaseDate(l.release.releasedAt) : "keine Veröffentlichung"],
        [
          "Schätzung für alle Verwaltungen",
          l.suppressed
            ? `keine: weniger als ${l.k} teilnehmende Verwaltungen`
            : l.estimate.shown
              ? `nach Land und Größenklasse gewichtet, ${l.estimate.participants} von ${l.estimate.total} Verwaltungen, ` +
                `${l.estimate.strata} Gruppen, ${l.estimate.degreesOfFreedom} Freiheitsgrade; die Teilnehmenden haben sich ` +
                `selbst für die Teilnahme entschieden; das 95-%-Konfidenzintervall erfasst nur den Zufallsfehler unter ` +
                `der Annahme, dass sie den nicht teilnehmenden Verwaltungen ihrer Gruppe ähneln`
              : `keine: ${l.estimate.reason}`,
        ],
        [
          "Länder ohne gezählte Teilnehmende",
          l.estimate.missingStates.length > 0 ? joinNames(l.estimate.missingStates.map(getStateName)) : "keine",
        ],
        [
          "Mit der benachbarten Größenklasse geschätzt",
          l.estimate.shown && l.estimate.collapsed.length > 0
            ? collapsedGroups(l.estimate.collapsed).join("; ")
            : "keine",
        ],
        [
          "Werte 2020",
          `Stichprobe von ${ref.source.sample} Kommunen; die Pressemitteilung nennt keine Konfidenzintervalle`,
        ],
        ["Demo-Daten", l.demoData ? DEMO_NOTE : "keine in dieser Instanz; sie zählten auch sonst nie"],
      ],
    },
    {
      name: "Länder",
      header: ["Land", "Teilnehmend", "Verwaltungen", "Anteil (%)"],
      rows: l.byState.map((r) => [getStateName(r.state), r.participants, r.total, pct(r.participants, r.total)]),
    },
    {
      name: "Größenklassen",
      header: ["Größenklasse", "Teilnehmend", "Verwaltungen", "Anteil (%)"],
      rows: l.bySizeClass.map((r) => [
        getSizeClass(r.sizeClass).label,
        r.participants,
        r.total,
        pct(r.participants, r.total),
      ]),
    },
    {
      name: "Gruppen",
      header: ["Land", "Größenklasse", "Teilnehmend", "Verwaltungen"],
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
      header: ["Reifegrad (Punkte)", "Verwaltungen"],
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
              ["Schätzung Mittelwert, alle Verwaltungen", l.estimate.index.value],
              ["95-%-Konfidenzintervall", intervalCell(l.estimate.index, "Punkte")],
              ["95-%-Konfidenzintervall: von", l.estimate.index.low],
              ["95-%-Konfidenzintervall: bis", l.estimate.index.high],
            ]
          : []),
      ],
    });
  tables.push({
    name: "Antworten",
    header: [
      "Frage",
      "Antwort",
      "Bundesweit 2020, Stichprobe (%)",
      "Teilnehmende (%)",
      "Schätzung alle Verwaltungen (%)",
      "95-%-Konfidenzintervall",
      "95-%-Konfidenzintervall: von (%)",
      "95-%-Konfidenzintervall: bis (%)",
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
          intervalCell(v.estimate),
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
