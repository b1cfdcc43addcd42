import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { REGISTER_DATA_FILE, getRegister, parseRegisterFile } from "@/lib/municipalities/register";
import { SIZE_CLASSES } from "@/lib/profile/size-class";
import { STATES } from "@/lib/profile/states";

// The register delivery the data file was built from, committed with its provenance; the running
// product reads only lib/municipalities/register-data.json.
const DELIVERY = path.resolve(__dirname, "../../../data/gemeindeverzeichnis");

const ATTRIBUTION =
  "Quelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis (GV-ISys), Gebietsstand 28.02.2026, " +
  "Datenlizenz Deutschland – Namensnennung – Version 2.0; eigene Bearbeitung (Auswahl der Gemeinden, Korrektur Schmölln).";

describe("getRegister", () => {
  const register = getRegister();

  test("has the Gebietsstand, population date, attribution and licence", () => {
    expect(register.gebietsstand).toBe("2026-02-28");
    expect(register.populationDate).toBe("2024-12-31");
    expect(register.source).toBe(ATTRIBUTION);
    expect(register.licence.id).toBe("dl-de/by-2-0");
  });

  test("has 10,747 municipalities with unique AGS, sorted by AGS", () => {
    expect(register.rows).toHaveLength(10_747);
    const keys = register.rows.map((r) => r.ags);
    expect(new Set(keys).size).toBe(10_747);
    expect([...keys].sort()).toEqual(keys);
  });

  test("is loaded once per process", () => {
    expect(getRegister()).toBe(register);
  });

  test("entries are frozen, so callers cannot change the shared copy", () => {
    expect(Object.isFrozen(register.rows)).toBe(true);
    expect(Object.isFrozen(register.rows[0])).toBe(true);
  });

  test("counts per size class are 7,804 / 2,237 / 626 / 80", () => {
    const totals = SIZE_CLASSES.map((c) => register.rows.filter((r) => r.sizeClass === c.id).length);
    expect(totals).toEqual([7_804, 2_237, 626, 80]);
  });

  test.each([
    ["DE-HH", "gte_100000", 1],
    ["DE-HH", "lt_5000", 0],
    ["DE-BE", "gte_100000", 1],
    ["DE-HB", "gte_100000", 2],
  ] as const)("Gemeinden of %s in %s: %i", (state, sizeClass, count) => {
    expect(register.rows.filter((r) => r.state === state && r.sizeClass === sizeClass)).toHaveLength(count);
  });
});

describe("the register's Gemeinden", () => {
  const byAgs = (ags: string) => getRegister().rows.find((r) => r.ags === ags);

  test("finds Großenhain with its Kreis, state and size class", () => {
    expect(byAgs("14627060")).toEqual({
      ags: "14627060",
      name: "Großenhain, Stadt",
      nameShort: "Großenhain",
      kreis: "Landkreis Meißen",
      state: "DE-SN",
      stateName: "Sachsen",
      population: 18_183,
      populationDate: "2024-12-31",
      sizeClass: "5000_19999",
      verband: null,
    });
  });

  test("has Schmölln with the corrected population (README: 13,542 + 411)", () => {
    expect(byAgs("16077043")?.population).toBe(13_953);
  });

  test.each([
    ["06435014", "Hanau's key before it became kreisfrei"],
    ["03351501", "Lohheide, a gemeindefreies Gebiet"],
  ])("has no %j (%s)", (ags) => {
    expect(byAgs(ags)).toBeUndefined();
  });
});

describe("parseRegisterFile", () => {
  const valid = () =>
    JSON.parse(readFileSync(REGISTER_DATA_FILE, "utf8")) as { rows: unknown[][] } & Record<string, unknown>;
  // Rows alone: without Verbände, so that each case fails for its own defect only.
  const withRows = (rows: unknown[][]) => ({ ...valid(), rows, verbaende: [] });

  test.each([
    [
      "a state that does not match the AGS prefix",
      [["14627060", "Großenhain, Stadt", "Großenhain", "Landkreis Meißen", "DE-BY", 18183, ""]],
    ],
    ["a seven-digit AGS", [["1462706", "Großenhain, Stadt", "Großenhain", "Landkreis Meißen", "DE-SN", 18183, ""]]],
    [
      "an unknown state code",
      [["14627060", "Großenhain, Stadt", "Großenhain", "Landkreis Meißen", "DE-XX", 18183, ""]],
    ],
    ["population 0", [["14627060", "Großenhain, Stadt", "Großenhain", "Landkreis Meißen", "DE-SN", 0, ""]]],
    [
      "a fractional population",
      [["14627060", "Großenhain, Stadt", "Großenhain", "Landkreis Meißen", "DE-SN", 1.5, ""]],
    ],
    [
      "a nameShort that is not the text before the comma",
      [["14627060", "Großenhain, Stadt", "Großenhain, Stadt", "Landkreis Meißen", "DE-SN", 18183, ""]],
    ],
    ["a missing column", [["14627060", "Großenhain, Stadt", "Großenhain", "DE-SN", 18183]]],
    [
      "a repeated AGS",
      [
        ["14627060", "Großenhain, Stadt", "Großenhain", "Landkreis Meißen", "DE-SN", 18183, ""],
        ["14627060", "Großenhain, Stadt", "Großenhain", "Landkreis Meißen", "DE-SN", 18183, ""],
      ],
    ],
    ["no rows", []],
  ])("rejects %s", (_, rows) => {
    expect(() => parseRegisterFile(withRows(rows))).toThrow(/register data is invalid/);
  });

  test("accepts a single valid row without Verbände (the control for the cases above)", () => {
    const one = ["14627060", "Großenhain, Stadt", "Großenhain", "Landkreis Meißen", "DE-SN", 18183, ""];
    expect(parseRegisterFile(withRows([one])).rows).toHaveLength(1);
  });

  describe("Gemeindeverbände", () => {
    // Amt Büchen with two of its members; the counts must add up.
    const member = (ags: string, name: string, population: number) => [
      ags,
      name,
      name,
      "Kreis Herzogtum Lauenburg",
      "DE-SH",
      population,
      "010535318",
    ];
    const rows = [member("01053010", "Besenthal", 98), member("01053015", "Bröthen", 320)];
    const amt = ["010535318", "Büchen", "51", "Büchen", "DE-SH", 2, 418];
    const file = (verbaende: unknown[][], r: unknown[][] = rows) => ({ ...valid(), rows: r, verbaende });

    test("a Verband whose members and population add up is read, with its members", () => {
      const register = parseRegisterFile(file([amt]));
      expect(register.verbaende[0]).toMatchObject({ key: "010535318", type: "51", population: 418 });
      expect(register.verbaende[0]!.members.map((m) => m.ags)).toEqual(["01053010", "01053015"]);
      expect(register.rows[0]!.verband).toBe("010535318");
    });

    test.each([
      ["a member count that differs from the rows", [["010535318", "Büchen", "51", "Büchen", "DE-SH", 3, 418]]],
      ["a population that is not the sum of the members", [["010535318", "Büchen", "51", "Büchen", "DE-SH", 2, 419]]],
      ["a state that does not match the key", [["010535318", "Büchen", "51", "Büchen", "DE-MV", 2, 418]]],
      ["a pseudo-record type 50", [["010535318", "Büchen", "50", "Büchen", "DE-SH", 2, 418]]],
      ["an eight-digit key", [["01053531", "Büchen", "51", "Büchen", "DE-SH", 2, 418]]],
      ["a member whose Verband is missing", []],
      ["a repeated Verband", [amt, amt]],
    ])("rejects %s", (_, verbaende) => {
      expect(() => parseRegisterFile(file(verbaende))).toThrow(/register data is invalid/);
    });

    test("rejects a member row whose Verband lies in another Kreis", () => {
      const stray = [["01054010", "Besenthal", "Besenthal", "Kreis X", "DE-SH", 98, "010535318"]];
      expect(() => parseRegisterFile(file([], stray))).toThrow(/register data is invalid/);
    });
  });

  test("rejects a bad Gebietsstand", () => {
    expect(() => parseRegisterFile({ ...valid(), gebietsstand: "28.02.2026" })).toThrow(/register data is invalid/);
  });

  test("accepts the committed file", () => {
    expect(parseRegisterFile(valid()).rows).toHaveLength(10_747);
  });
});

describe("against the committed register delivery (data/gemeindeverzeichnis)", () => {
  const register = getRegister();

  test("same AGS set, names, states and populations as municipalities-de.csv", () => {
    const lines = readFileSync(path.join(DELIVERY, "municipalities-de.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("ags;name;state;population");
    const shared = lines.slice(1).map((line) => {
      const [ags, name, state, population] = line.split(";");
      return { ags, name, state, population: Number(population) };
    });
    expect(shared).toHaveLength(10_747);
    expect(new Set(shared.map((r) => r.ags)).size).toBe(10_747);
    expect(register.rows.map(({ ags, name, state, population }) => ({ ags, name, state, population }))).toEqual(shared);
  });

  test("per-state counts and population totals equal summary.json", () => {
    const summary = JSON.parse(readFileSync(path.join(DELIVERY, "summary.json"), "utf8")) as {
      perState: Record<string, { count: number; population: number }>;
      populationSum: number;
    };
    const perState: Record<string, { count: number; population: number }> = {};
    for (const s of STATES) perState[s.code] = { count: 0, population: 0 };
    for (const row of register.rows) {
      perState[row.state]!.count++;
      perState[row.state]!.population += row.population;
    }
    expect(perState).toEqual(summary.perState);
    expect(register.rows.reduce((sum, r) => sum + r.population, 0)).toBe(summary.populationSum);
  });

  test("nameShort and Kreis agree with the extended CSV", () => {
    const [header, ...lines] = readFileSync(path.join(DELIVERY, "municipalities-de-extended.csv"), "utf8")
      .trimEnd()
      .split("\n");
    const cols = header!.split(";");
    const at = (name: string) => cols.indexOf(name);
    const byAgs = new Map(getRegister().rows.map((r) => [r.ags, r]));
    for (const line of lines) {
      const f = line.split(";");
      const entry = byAgs.get(f[at("ags")]!);
      expect(entry?.nameShort).toBe(f[at("name_short")]);
      // The Kreis label is derived from the Destatis Kreis name (see scripts/register-import.mjs).
      const kreisType = f[at("kreis_type")];
      if (kreisType === "Kreisfreie Stadt" || kreisType === "Stadtkreis")
        expect(entry?.kreis).toMatch(/^(kreisfreie Stadt|Stadtkreis)$/);
      else expect(entry?.kreis).toContain(f[at("kreis_name")]);
      expect(entry?.populationDate).toBe(f[at("population_date")]);
    }
  });

  test("the attribution is the one the delivery's README quotes", () => {
    const readme = readFileSync(path.join(DELIVERY, "README.md"), "utf8");
    const quoted = readme
      .split("\n")
      .filter((line) => line.startsWith("> "))
      .map((line) => line.slice(2).trim())
      .join(" ");
    expect(getRegister().source).toBe(quoted);
  });

  test("register:import reproduces the committed data file from GV100AD_28022026", () => {
    const output = execFileSync(
      process.execPath,
      [
        "scripts/register-import.mjs",
        path.join(DELIVERY, "source/GV100AD_28022026.txt"),
        "--check",
        "--out",
        REGISTER_DATA_FILE,
      ],
      { cwd: path.resolve(__dirname, "../../.."), encoding: "utf8" },
    );
    expect(output).toContain("is up to date");
  });

  test("register:import without a file reads the committed release", () => {
    const output = execFileSync(
      process.execPath,
      ["scripts/register-import.mjs", "--check", "--out", REGISTER_DATA_FILE],
      {
        cwd: path.resolve(__dirname, "../../.."),
        encoding: "utf8",
      },
    );
    expect(output).toContain("is up to date (10747 rows, Gebietsstand 2026-02-28)");
  });
});
