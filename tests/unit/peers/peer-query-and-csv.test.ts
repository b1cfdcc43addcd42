import { describe, expect, test } from "vitest";
import { ZPeerQuery, type TPeerComparison } from "@/lib/peers/peer-query";
import { searchParamsToObject } from "@/lib/validation/query";
import { csvCell, renderPeerCsv } from "@/lib/peers/peer-csv";
import { aggregatePeers, type TPeerCell } from "@/lib/peers/aggregate";
import { toFieldIssues } from "@/lib/validation/zod-de";
import { reference } from "@/lib/survey/reference";
import type { TReference } from "@/lib/survey/schema";

// ---------------------------------------------------------------------------------------------
// ZPeerQuery and searchParamsToObject
// ---------------------------------------------------------------------------------------------

const STATE_MSG = "Bitte wählen Sie ein Bundesland aus der Liste.";
const SIZE_MSG = "Bitte wählen Sie eine gültige Größenklasse.";

describe("ZPeerQuery accepts", () => {
  test.each<{ input: Record<string, unknown>; data: Record<string, unknown> }>([
    { input: {}, data: {} },
    { input: { state: "DE-SN" }, data: { state: "DE-SN" } },
    { input: { sizeClass: "lt_5000" }, data: { sizeClass: "lt_5000" } },
    { input: { state: "DE-TH", sizeClass: "gte_100000" }, data: { state: "DE-TH", sizeClass: "gte_100000" } },
    { input: { state: "DE-BE", sizeClass: "5000_19999" }, data: { state: "DE-BE", sizeClass: "5000_19999" } },
    { input: { sizeClass: "20000_99999" }, data: { sizeClass: "20000_99999" } },
    // "" is absent, as an HTML form sends an unselected <select>
    { input: { state: "" }, data: {} },
    { input: { sizeClass: "" }, data: {} },
    { input: { state: "", sizeClass: "" }, data: {} },
    { input: { state: "DE-SN", sizeClass: "" }, data: { state: "DE-SN" } },
    { input: { state: "", sizeClass: "lt_5000" }, data: { sizeClass: "lt_5000" } },
  ])("$input", ({ input, data }) => {
    const r = ZPeerQuery.safeParse(input);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(data);
    // an absent filter is undefined, never "" (so the filter really is "all")
    expect(r.data?.state).not.toBe("");
    expect(r.data?.sizeClass).not.toBe("");
  });
});

describe("ZPeerQuery rejects with German messages", () => {
  test.each<{ input: unknown; issues: { path: string; message: string }[] }>([
    { input: { state: "DE-XX" }, issues: [{ path: "state", message: STATE_MSG }] },
    { input: { state: "de-sn" }, issues: [{ path: "state", message: STATE_MSG }] },
    { input: { state: "Sachsen" }, issues: [{ path: "state", message: STATE_MSG }] },
    { input: { state: " DE-SN" }, issues: [{ path: "state", message: STATE_MSG }] },
    { input: { state: 14 }, issues: [{ path: "state", message: STATE_MSG }] },
    { input: { sizeClass: "huge" }, issues: [{ path: "sizeClass", message: SIZE_MSG }] },
    { input: { sizeClass: "LT_5000" }, issues: [{ path: "sizeClass", message: SIZE_MSG }] },
    { input: { sizeClass: "Landgemeinde" }, issues: [{ path: "sizeClass", message: SIZE_MSG }] },
    {
      input: { state: "XX", sizeClass: "yy" },
      issues: [
        { path: "state", message: STATE_MSG },
        { path: "sizeClass", message: SIZE_MSG },
      ],
    },
    { input: { foo: "1" }, issues: [{ path: "foo", message: "Unbekannter Parameter: foo" }] },
    { input: { state: "DE-SN", k: "1" }, issues: [{ path: "k", message: "Unbekannter Parameter: k" }] },
    // One issue per unknown key, each with its own path.
    {
      input: { a: "1", b: "2" },
      issues: [
        { path: "a", message: "Unbekannter Parameter: a" },
        { path: "b", message: "Unbekannter Parameter: b" },
      ],
    },
  ])("$input", ({ input, issues }) => {
    const r = ZPeerQuery.safeParse(input);
    expect(r.success).toBe(false);
    const got = toFieldIssues(r.error!);
    expect(got).toEqual(issues);
  });

  test("every message of a rejected query is German (no English zod default)", () => {
    for (const input of [{ state: "x" }, { sizeClass: "x" }, { x: "1" }, null, "x", []]) {
      const r = ZPeerQuery.safeParse(input);
      expect(r.success).toBe(false);
      for (const i of r.error!.issues) {
        expect(i.message).not.toMatch(/\b(Invalid|Expected|expected|Unrecognized|received)\b/);
      }
    }
  });
});

describe("searchParamsToObject", () => {
  test.each<{ qs: string; obj: Record<string, string> }>([
    { qs: "", obj: {} },
    { qs: "state=DE-SN", obj: { state: "DE-SN" } },
    { qs: "state=DE-SN&sizeClass=lt_5000", obj: { state: "DE-SN", sizeClass: "lt_5000" } },
    { qs: "state=", obj: { state: "" } },
  ])("?$qs", ({ qs, obj }) => {
    expect(searchParamsToObject(new URLSearchParams(qs))).toEqual(obj);
  });

  test.each([
    "state=DE-SN&state=DE-BY",
    "state=DE-SN&state=DE-SN",
    "state=&state=",
    "state=&state=DE-SN",
    "sizeClass=lt_5000&sizeClass=lt_5000",
    "state=DE-SN&sizeClass=lt_5000&sizeClass=gte_100000",
  ])("repeated parameter is invalid: ?%s", (qs) => {
    const obj = searchParamsToObject(new URLSearchParams(qs));
    const r = ZPeerQuery.safeParse(obj);
    expect(r.success).toBe(false);
    const repeated = [...new URLSearchParams(qs).keys()].find((k, i, all) => all.indexOf(k) !== i)!;
    // the repeated value is neither of the given values, nor "" (which would mean "all")
    expect(obj[repeated]).not.toBe("");
    for (const v of new URLSearchParams(qs).getAll(repeated)) expect(obj[repeated]).not.toBe(v);
    expect(toFieldIssues(r.error!).map((i) => i.path)).toContain(repeated);
  });

  // BUG (reported): searchParamsToObject builds a plain object literal; out["__proto__"] = "1" hits the
  // Object.prototype setter and is silently dropped, so ?__proto__=1 passes ZPeerQuery as {} instead of
  // being rejected as an unknown parameter. (No pollution happens: a string cannot become a prototype.)
  test.each(["__proto__=1", "state=DE-SN&__proto__=x"])(
    "?%s: every parameter survives and the unknown one is rejected",
    (qs) => {
      const obj = searchParamsToObject(new URLSearchParams(qs));
      expect(Object.keys(obj).sort()).toEqual([...new Set(new URLSearchParams(qs).keys())].sort());
      const r = ZPeerQuery.safeParse(obj);
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toEqual(["Unbekannter Parameter: __proto__"]);
    },
  );

  test.each(["constructor=1", "toString=x", "hasOwnProperty=x"])(
    "?%s (an Object.prototype name) is rejected as unknown",
    (qs) => {
      const r = ZPeerQuery.safeParse(searchParamsToObject(new URLSearchParams(qs)));
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toBe(`Unbekannter Parameter: ${qs.split("=")[0]}`);
    },
  );

  test("a repeated unknown parameter is still an unknown parameter", () => {
    const r = ZPeerQuery.safeParse(searchParamsToObject(new URLSearchParams("foo=1&foo=2")));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(["Unbekannter Parameter: foo"]);
  });
});

// ---------------------------------------------------------------------------------------------
// csvCell
// ---------------------------------------------------------------------------------------------

describe("csvCell", () => {
  test.each<{ value: string | number | null; cell: string }>([
    { value: null, cell: "" },
    { value: "", cell: "" },
    { value: "Sachsen", cell: "Sachsen" },
    { value: "Größenklasse äöüß", cell: "Größenklasse äöüß" },
    // quoting
    { value: "a;b", cell: '"a;b"' },
    { value: 'sagt "ja"', cell: '"sagt ""ja"""' },
    { value: '"', cell: '""""' },
    { value: "Zeile 1\nZeile 2", cell: '"Zeile 1\nZeile 2"' },
    { value: "Zeile 1\r\nZeile 2", cell: '"Zeile 1\r\nZeile 2"' },
    { value: "a,b", cell: "a,b" },
    // formula starts are neutralised
    { value: "=SUMME(A1:A2)", cell: "'=SUMME(A1:A2)" },
    { value: "+49 351 123", cell: "'+49 351 123" },
    { value: "-5", cell: "'-5" },
    { value: "@SUM(1)", cell: "'@SUM(1)" },
    { value: "\t=1", cell: "'\t=1" },
    { value: "\r=1", cell: '"\'\r=1"' },
    // neutralised and quoted
    { value: "=1;2", cell: '"\'=1;2"' },
    { value: '=HYPERLINK("http://x";"y")', cell: '"\'=HYPERLINK(""http://x"";""y"")"' },
    // a formula character inside the text is harmless
    { value: "a=b", cell: "a=b" },
    { value: "E-Akte", cell: "E-Akte" },
    // numbers: decimal comma, no grouping, at most one decimal
    { value: 0, cell: "0" },
    { value: 50, cell: "50" },
    { value: 66.7, cell: "66,7" },
    { value: 66.66666, cell: "66,7" },
    { value: 12.5, cell: "12,5" },
    { value: 100, cell: "100" },
    { value: 1234, cell: "1234" },
    { value: 12345.6, cell: "12345,6" },
    { value: 1234567, cell: "1234567" },
    { value: 0.04, cell: "0" },
  ])("$value → $cell", ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });
});

// ---------------------------------------------------------------------------------------------
// renderPeerCsv
// ---------------------------------------------------------------------------------------------

/** Minimal RFC 4180 reader for ";"-separated, CRLF-terminated text (quotes may hold ; " CR LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ";") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) throw new Error("CSV does not end with CRLF");
  return rows;
}

const SOURCE: TReference["source"] = {
  title: "Test-Umfrage",
  publisher: "Test",
  published: "2020-06-01",
  fieldwork: "2020",
  fieldworkText: "im Frühjahr 2020",
  method: "Online",
  sample: 623,
  url: "https://example.org/",
};

/** A hand-built reference: tricky texts (";", quotes, "="), a share without value, a derived share. */
const REF: TReference = {
  id: "test-2020",
  source: SOURCE,
  topics: [{ id: "t", title: "Thema", intro: "Intro" }],
  questions: [
    {
      id: "e_file",
      topic: "t",
      dimension: "processes",
      type: "single",
      text: 'Nutzen Sie die "E-Akte"; in welchem Umfang?',
      options: [
        { id: "yes", label: "Ja", share: 40, published: true, statement: "{share}" },
        { id: "planned", label: "Geplant", share: 33.3, published: false, statement: "{share}" },
        {
          id: "no",
          label: "Nein",
          shareLabel: "Übrige Antworten oder keine Angabe",
          share: 26.7,
          published: false,
          statement: "{share}",
        },
      ],
      recommendation: { options: ["no"], priority: 1, title: "E-Akte", text: "Einführen." },
    },
    {
      id: "channels",
      topic: "t",
      dimension: "services",
      type: "multi",
      text: "Welche Kanäle bieten Sie an?",
      options: [
        { id: "web", label: "=Webseite", share: 90, published: true, statement: "{share}" },
        { id: "app", label: "App; mobil", share: 12, published: true, statement: "{share}" },
        { id: "none", label: "Nichts davon", share: null, published: false, exclusive: true },
      ],
      recommendation: { options: ["none"], priority: 2, title: "Kanäle", text: "Anbieten." },
    },
  ],
};

const OPTION_COUNT = REF.questions.reduce((n, q) => n + q.options.length, 0);
const LABELS = { state: "Sachsen", sizeClass: "unter 5.000 Einwohner" };

function published(overrides: Partial<TPeerComparison> = {}): TPeerComparison {
  return {
    filters: { state: "DE-SN", sizeClass: "lt_5000" },
    k: 5,
    count: 12,
    suppressed: false,
    questions: [
      { id: "e_file", shares: { yes: 58.3, planned: 25, no: 16.7 } },
      { id: "channels", shares: { web: 91.7, app: 8.3, none: 0 } },
    ],
    index: { mean: 47, median: 45, p25: 31, p75: 63 },
    registerTotal: 299,
    ownBand: "second_quarter",
    release: { releasedAt: "2026-12-03T09:00:00.000Z", count: 12 },
    ownPending: false,
    ...overrides,
  };
}

function suppressed(overrides: Partial<TPeerComparison> = {}): TPeerComparison {
  return {
    filters: { state: "DE-SN", sizeClass: "gte_100000" },
    k: 5,
    count: null,
    suppressed: true,
    questions: [],
    index: null,
    registerTotal: 3,
    ownBand: null,
    release: null,
    ownPending: false,
    ...overrides,
  };
}

const HEADER = [
  "Frage",
  "Antwort",
  "Anteil Vergleichskommunen (%)",
  "Anteil bundesweit 2020 (%)",
  "2020 veröffentlicht",
];

describe("renderPeerCsv: format", () => {
  test.each([
    { name: "published", view: published() },
    { name: "suppressed", view: suppressed() },
  ])("$name: BOM, ';', CRLF only, trailing CRLF", ({ view }) => {
    const csv = renderPeerCsv(REF, view, LABELS);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    // no bare LF or CR outside CRLF
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(["Kommunaler Digitalcheck – Vergleich mit anderen Kommunen"]);
    expect(rows[1]).toEqual(["Bundesland", "Sachsen"]);
    expect(rows[2]).toEqual(["Größenklasse", "unter 5.000 Einwohner"]);
  });
});

describe("renderPeerCsv: suppressed view", () => {
  test.each([5, 7])("k=%i: says 'Zu wenige Vergleichskommunen', no count, no per-option or index rows", (k) => {
    const csv = renderPeerCsv(REF, suppressed({ k }), LABELS);
    const rows = parseCsv(csv.slice(1));
    expect(csv).toContain("Zu wenige Vergleichskommunen");
    expect(rows).toContainEqual([`Zu wenige Vergleichskommunen: Zahlen werden erst ab ${k} Kommunen gezeigt.`]);
    expect(rows).toContainEqual(["Vergleichskommunen", `weniger als ${k}`]);
    expect(rows).toContainEqual(["Kommunen laut Gemeindeverzeichnis", "3"]);
    expect(rows).not.toContainEqual(HEADER);
    expect(csv).not.toContain("Reifegrad-Index");
    for (const q of REF.questions) {
      for (const o of q.options) expect(rows.some((r) => r[1] === o.label.replace(/^=/, "'="))).toBe(false);
    }
    expect(rows.some((r) => r.includes(REF.questions[0]!.text))).toBe(false);
    expect(rows).toContainEqual(["Stand der Vergleichszahlen", "noch keine Veröffentlichung"]);
    // 7 header lines (incl. the release and the empty one) + the notice
    expect(rows).toHaveLength(8);
  });
});

describe("renderPeerCsv: published view", () => {
  test("one row per option of every question with peer share and national 2020 share", () => {
    const csv = renderPeerCsv(REF, published(), LABELS);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toContainEqual(["Vergleichskommunen", "12"]);
    expect(rows).toContainEqual(["Kommunen laut Gemeindeverzeichnis", "299"]);
    expect(rows).toContainEqual(["Stand der Vergleichszahlen", "3. Dezember 2026"]);
    expect(rows).toContainEqual([
      "Reifegrad-Index der Vergleichskommunen",
      "Mittelwert",
      "Median",
      "25. Perzentil",
      "75. Perzentil",
    ]);
    expect(rows).toContainEqual(["", "47", "45", "31", "63"]);
    const h = rows.findIndex((r) => r.join("|") === HEADER.join("|"));
    expect(h).toBeGreaterThan(0);
    const body = rows.slice(h + 1);
    expect(body).toEqual([
      ['Nutzen Sie die "E-Akte"; in welchem Umfang?', "Ja", "58,3", "40", "ja"],
      ['Nutzen Sie die "E-Akte"; in welchem Umfang?', "Geplant", "25", "33,3", "nein, abgeleitet"],
      [
        'Nutzen Sie die "E-Akte"; in welchem Umfang?',
        "Nein",
        "16,7",
        "26,7",
        "nein, abgeleitet: Übrige Antworten oder keine Angabe",
      ],
      ["Welche Kanäle bieten Sie an?", "'=Webseite", "91,7", "90", "ja"],
      ["Welche Kanäle bieten Sie an?", "App; mobil", "8,3", "12", "ja"],
      ["Welche Kanäle bieten Sie an?", "Nichts davon", "0", "", "kein Wert"],
    ]);
    expect(body).toHaveLength(OPTION_COUNT);
  });

  test("an option missing from the view's shares is written as 0", () => {
    const view = published({ questions: [{ id: "e_file", shares: { yes: 100 } }] });
    const rows = parseCsv(renderPeerCsv(REF, view, LABELS).slice(1));
    const h = rows.findIndex((r) => r[0] === "Frage");
    expect(rows.slice(h + 1).map((r) => r[2])).toEqual(["100", "0", "0", "0", "0", "0"]);
  });

  test("with the real reference: one row per option of every question, shares from aggregatePeers", () => {
    const q0 = reference.questions[0]!;
    const cells: TPeerCell[] = [
      {
        state: "DE-SN",
        sizeClass: "lt_5000",
        count: 6,
        optionCounts: { [q0.id]: { [q0.options[0]!.id]: 4, [q0.options[1]!.id]: 2 } },
        indexScores: [10, 20, 30, 40, 50, 60],
        releasedAt: "2026-12-03T09:00:00.000Z",
      },
    ];
    const view: TPeerComparison = {
      ...aggregatePeers(cells, { state: "DE-SN" }),
      registerTotal: 400,
      ownBand: null,
      ownPending: false,
    };
    const rows = parseCsv(renderPeerCsv(reference, view, LABELS).slice(1));
    const h = rows.findIndex((r) => r[0] === "Frage");
    const body = rows.slice(h + 1);
    const expected = reference.questions.flatMap((q) =>
      q.options.map((o) => [
        q.text,
        o.label,
        q === q0 ? (o === q0.options[0] ? "66,7" : o === q0.options[1] ? "33,3" : "0") : "0",
        o.share === null ? "" : csvCell(o.share),
      ]),
    );
    expect(body.map((r) => r.slice(0, 4))).toEqual(expected);
    for (const r of body) expect(r).toHaveLength(5);
    expect(rows).toContainEqual(["Vergleichskommunen", "6"]);
    // Six municipalities (below 2k = 10): the mean only, in whole points.
    expect(rows).toContainEqual(["", "35", "", "", ""]);
  });

  test("contains no municipality name: every cell is a label, a reference text, a fixed header or a number", () => {
    const names = ["Großenhain", "Riesa", "Meißen", "Dresden"];
    const csv = renderPeerCsv(REF, published(), LABELS);
    for (const n of names) expect(csv).not.toContain(n);
    const allowed = new Set<string>([
      "",
      "Kommunaler Digitalcheck – Vergleich mit anderen Kommunen",
      "Bundesland",
      "Größenklasse",
      "Vergleichskommunen",
      "Kommunen laut Gemeindeverzeichnis",
      "Stand der Vergleichszahlen",
      "3. Dezember 2026",
      "Reifegrad-Index der Vergleichskommunen",
      "Mittelwert",
      "Median",
      "25. Perzentil",
      "75. Perzentil",
      ...HEADER,
      "ja",
      "nein, abgeleitet",
      "nein, abgeleitet: Übrige Antworten oder keine Angabe",
      "kein Wert",
      LABELS.state,
      LABELS.sizeClass,
      ...REF.questions.flatMap((q) => [
        q.text,
        ...q.options.map((o) => csvCell(o.label).replace(/^"|"$/g, "").replace(/""/g, '"')),
      ]),
    ]);
    for (const row of parseCsv(csv.slice(1))) {
      for (const cell of row) {
        if (/^\d+(,\d)?$/.test(cell)) continue;
        expect(allowed.has(cell), `unexpected cell ${JSON.stringify(cell)}`).toBe(true);
      }
    }
  });
});
