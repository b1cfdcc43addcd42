import { describe, expect, test } from "vitest";
import { auditPeriod, berlinDayStart, parseAuditQuery, toAuditSearchParams } from "@/lib/audit/query";
import { renderAuditCsv } from "@/lib/audit/csv";
import { commandLineActor } from "@/lib/audit/actions";

describe("the trail's filters", () => {
  test("valid filters are kept, invalid ones dropped", () => {
    expect(parseAuditQuery({ aktion: "codes_issued", von: "2026-03-01", bis: "2026-03-31", seite: "2" })).toEqual({
      aktion: "codes_issued",
      von: "2026-03-01",
      bis: "2026-03-31",
      seite: 2,
    });
    expect(parseAuditQuery({ aktion: "drop_table", von: "2026-02-30", bis: "gestern", seite: "-1" })).toEqual({
      seite: 1,
    });
    expect(toAuditSearchParams({ aktion: "login", seite: 1 }).toString()).toBe("aktion=login");
  });

  test("a period is whole days in German time, summer and winter", () => {
    expect(berlinDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(berlinDayStart("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    const period = auditPeriod(parseAuditQuery({ von: "2026-03-28", bis: "2026-03-29" }));
    expect(period.gte!.toISOString()).toBe("2026-03-27T23:00:00.000Z");
    // "bis" includes its day, which here ends in summer time.
    expect(period.lt!.toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});

describe("the CSV export", () => {
  test("BOM, German headers, semicolons, German time and labels, formulas neutralised", () => {
    const csv = renderAuditCsv([
      {
        at: new Date("2026-12-07T13:05:09.000Z"),
        actor: "=HYPERLINK(1)",
        subject: null,
        action: "codes_issued",
        outcome: "success",
        count: 601,
        target: "Land DE-TH; je Verwaltung",
        detail: "ersetzt: 0, übersprungen: 3",
      },
    ]);
    const [header, row] = csv.slice(1).trimEnd().split("\r\n");
    expect(csv.startsWith("\uFEFFZeitpunkt;")).toBe(true);
    expect(header).toBe(
      "Zeitpunkt;Zeitpunkt (UTC, ISO 8601);Wer;Kennung beim Anmeldedienst;Aktion;Ergebnis;Anzahl;Betrifft;Hinweis",
    );
    expect(row).toBe(
      `07.12.2026, 14:05:09;2026-12-07T13:05:09.000Z;'=HYPERLINK(1);;Teilnahmecodes ausgegeben;erfolgreich;601;"Land DE-TH; je Verwaltung";ersetzt: 0, übersprungen: 3`,
    );
  });

  test("the command line names the operating-system user", () => {
    expect(commandLineActor("betrieb").label).toBe("Kommandozeile (betrieb)");
    expect(commandLineActor("").label).toBe("Kommandozeile (unbekannt)");
  });
});
