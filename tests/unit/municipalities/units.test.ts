import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  countUnits,
  countsInFrame,
  findItem,
  getMembers,
  getRegister,
  getUnits,
  searchMunicipalities,
} from "@/lib/municipalities/register";
import { administrationOf, verbandDisplayName, verbandTypeLabel, withArticle } from "@/lib/municipalities/units";
import { SIZE_CLASSES } from "@/lib/profile/size-class";
import { STATES, type TStateCode } from "@/lib/profile/states";

// Administrations as units (docs/adr/0013-administrations-as-units.md). The expected figures were counted by
// hand from GV100AD_28022026 (Satzart 50 and 60, with an independent Python script over the fixed-width
// records) and from the register delivery's extended CSV, whose verband_type column names each Gemeinde's
// Verband.

const DELIVERY = path.resolve(__dirname, "../../../data/gemeindeverzeichnis");

describe("the Gemeindeverbände of the register", () => {
  const register = getRegister();

  test("1,202 Verbände (Textkennzeichen 51–58) with 7,561 member Gemeinden; 3,186 Gemeinden are verbandsfrei", () => {
    expect(register.verbaende).toHaveLength(1_202);
    expect(register.verbaende.reduce((n, v) => n + v.members.length, 0)).toBe(7_561);
    expect(register.rows.filter((r) => r.verband === null)).toHaveLength(3_186);
  });

  test("Amt Büchen: 15 members, 15,339 inhabitants served, seat Büchen", () => {
    const amt = findItem("010535318")!;
    expect(amt).toMatchObject({
      kind: "verwaltung",
      name: "Amt Büchen",
      state: "DE-SH",
      population: 15_339,
      memberCount: 15,
      seat: "Büchen",
      sizeClass: "5000_19999",
      isUnit: true,
    });
    expect(getMembers("010535318")).toHaveLength(15);
    expect(getMembers("010535318").reduce((n, m) => n + m.population, 0)).toBe(15_339);
  });

  test("Verbandsgemeinde Weißenthurm: 7 members, 34,903 inhabitants, a Mittelstadt by the population it serves", () => {
    expect(findItem("071375008")).toMatchObject({
      name: "Verbandsgemeinde Weißenthurm",
      population: 34_903,
      memberCount: 7,
      sizeClass: "20000_99999",
    });
    // The Stadt of the same name alone is a Kleinstadt.
    expect(findItem("07137228")).toMatchObject({
      name: "Weißenthurm, Stadt",
      population: 9_020,
      sizeClass: "5000_19999",
    });
  });

  // The verband_type column of municipalities-de-extended.csv, per state (the table).
  const MEMBERS_BY_TYPE: [string, Partial<Record<TStateCode, number>>][] = [
    ["Verbandsgemeinde", { "DE-RP": 2_259, "DE-ST": 114, "DE-BB": 4 }],
    ["Verwaltungsgemeinschaft", { "DE-BY": 982, "DE-BW": 471, "DE-TH": 365, "DE-SN": 158 }],
    ["Amt", { "DE-SH": 974, "DE-MV": 684, "DE-BB": 266 }],
    ["Samtgemeinde", { "DE-NI": 650 }],
    ["Verwaltungsverband", { "DE-BW": 440, "DE-SN": 21 }],
    ["Erfüllende Gemeinde", { "DE-TH": 126, "DE-BB": 2 }],
    ["Kirchspielslandgemeinde", { "DE-SH": 45 }],
  ];
  const CODE_OF: Record<string, string> = {
    Amt: "51",
    Samtgemeinde: "52",
    Verbandsgemeinde: "53",
    Verwaltungsgemeinschaft: "54",
    Kirchspielslandgemeinde: "55",
    Verwaltungsverband: "56",
    "Erfüllende Gemeinde": "58",
  };

  test.each(MEMBERS_BY_TYPE)("%s: members per state as the delivery counts them", (type, perState) => {
    const counted: Partial<Record<TStateCode, number>> = {};
    for (const v of register.verbaende.filter((x) => x.type === CODE_OF[type]))
      counted[v.state] = (counted[v.state] ?? 0) + v.members.length;
    expect(counted).toEqual(perState);
  });

  test("every Gemeinde's Verband is the one the extended CSV names (verband_ars)", () => {
    const [header, ...lines] = readFileSync(path.join(DELIVERY, "municipalities-de-extended.csv"), "utf8")
      .trimEnd()
      .split("\n");
    const cols = header!.split(";");
    const at = (name: string) => cols.indexOf(name);
    const byAgs = new Map(register.rows.map((r) => [r.ags, r]));
    for (const line of lines) {
      const f = line.split(";");
      const row = byAgs.get(f[at("ags")]!)!;
      if (f[at("verband_type")] === "verbandsfreie Gemeinde") expect(row.verband).toBeNull();
      else expect(row.verband).toBe(f[at("verband_ars")]);
    }
  });
});

describe("the unit rule (ADR 0013)", () => {
  test.each([
    ["DE-SH", "51", "verband"],
    ["DE-SH", "55", "verband"],
    ["DE-NI", "52", "verband"],
    ["DE-RP", "53", "verband"],
    ["DE-BY", "54", "verband"],
    ["DE-TH", "54", "verband"],
    ["DE-SN", "54", "verband"],
    ["DE-SN", "56", "verband"],
    ["DE-TH", "58", "verband"],
    ["DE-BB", "58", "verband"],
    ["DE-BW", "54", "gemeinde"],
    ["DE-BW", "56", "gemeinde"],
  ] as const)("%s, Textkennzeichen %s: the administration is run by the %s", (state, type, who) => {
    expect(administrationOf(state, type)).toBe(who);
  });

  test.each([
    ["DE-SH", "51", "Büchen", "Amt Büchen"],
    ["DE-BY", "54", "Emmerting (VGem)", "Verwaltungsgemeinschaft Emmerting"],
    ["DE-TH", "58", "EG Uder", "Erfüllende Gemeinde Uder"],
    ["DE-TH", "58", "Heringen/Helme, Stadt", "Erfüllende Gemeinde Heringen/Helme"],
    ["DE-BB", "58", "Schwedt/Oder, Stadt", "Mitverwaltende Gemeinde Schwedt/Oder"],
    ["DE-BW", "54", "VVG der Stadt Herrenberg", "Vereinbarte Verwaltungsgemeinschaft der Stadt Herrenberg"],
    ["DE-BW", "56", "GVV Aidlingen/Grafenau", "Gemeindeverwaltungsverband Aidlingen/Grafenau"],
    ["DE-SN", "56", "Wildenstein", "Verwaltungsverband Wildenstein"],
    ["DE-SH", "55", "Eider", "Kirchspielslandgemeinde Eider"],
  ] as const)("%s %s %j is shown as %j", (state, type, name, shown) => {
    expect(verbandDisplayName(state, type, name)).toBe(shown);
  });

  test('no display name repeats its type word ("Amt Amt …")', () => {
    for (const v of getRegister().verbaende) {
      const label = verbandTypeLabel(v.state, v.type);
      expect(verbandDisplayName(v.state, v.type, v.name).startsWith(`${label} ${label}`)).toBe(false);
    }
  });

  // Counted by hand: verbandsfreie Gemeinden + Verbände that run the administration + every member Gemeinde
  // in Baden-Württemberg (3,186 + 932 + 911).
  const UNITS_PER_STATE: Record<TStateCode, number> = {
    "DE-SH": 168,
    "DE-HH": 1,
    "DE-NI": 403,
    "DE-HB": 2,
    "DE-NW": 396,
    "DE-HE": 421,
    "DE-RP": 170,
    "DE-BW": 1_101,
    "DE-BY": 1_385,
    "DE-SL": 52,
    "DE-BE": 1,
    "DE-BB": 193,
    "DE-MV": 116,
    "DE-SN": 309,
    "DE-ST": 122,
    "DE-TH": 189,
  };

  test("5,029 units; per state as counted by hand", () => {
    const units = getUnits();
    expect(units).toHaveLength(5_029);
    const perState = Object.fromEntries(STATES.map((s) => [s.code, units.filter((u) => u.state === s.code).length]));
    expect(perState).toEqual(UNITS_PER_STATE);
    expect(units.filter((u) => u.kind === "verwaltung")).toHaveLength(932);
  });

  test("per size class of the population served: 1,642 / 2,611 / 696 / 80", () => {
    const totals = SIZE_CLASSES.map((c) => STATES.reduce((n, s) => n + countUnits(s.code, c.id), 0));
    expect(totals).toEqual([1_642, 2_611, 696, 80]);
    expect(countUnits("DE-SH", "gte_100000")).toBe(2);
    expect(countUnits("DE-NW", "lt_5000")).toBe(4);
    expect(countUnits("DE-RP", "lt_5000")).toBe(0);
  });

  test("no population counted twice: every Gemeinde lies in exactly one unit, and the units serve all 83,576,223", () => {
    const seen = new Map<string, string>();
    for (const unit of getUnits()) {
      for (const m of getMembers(unit.key)) {
        expect(seen.get(m.ags), `${m.ags} in ${unit.key} and ${seen.get(m.ags)}`).toBeUndefined();
        seen.set(m.ags, unit.key);
      }
    }
    expect(seen.size).toBe(10_747);
    expect(getUnits().reduce((n, u) => n + u.population, 0)).toBe(83_576_223);
  });

  test("a member Gemeinde names the administration that answers for it; the frame counts only that", () => {
    const buechen = findItem("01053020")!;
    expect(buechen).toMatchObject({
      kind: "gemeinde",
      isUnit: false,
      administration: { key: "010535318", name: "Amt Büchen" },
    });
    expect(countsInFrame("01053020")).toBe(false);
    expect(countsInFrame("010535318")).toBe(true);
    // Baden-Württemberg: the member keeps its Bürgermeisteramt; its Verband is no unit.
    expect(findItem("08115003")).toMatchObject({ isUnit: true, administration: null });
    expect(findItem("081155001")).toMatchObject({ kind: "verwaltung", isUnit: false });
    expect(countsInFrame("081155001")).toBe(false);
    // Keys the register does not know count as units of their own (a newer merger); a name alone too.
    expect(countsInFrame("12999999")).toBe(true);
    expect(countsInFrame(null)).toBe(true);
  });

  test.each([
    ["010010000", "the pseudo-record of the verbandsfreie Stadt Flensburg"],
    ["160770043", "the pseudo-record of Schmölln (a blank Textkennzeichen in the source)"],
    ["999999999", "an unknown key"],
    ["01053531", "a seven-digit Verband part"],
    ["", "empty"],
  ])("findItem(%j) is undefined (%s)", (key) => {
    expect(findItem(key)).toBeUndefined();
  });
});

describe("searching for administrations", () => {
  const names = (q: string, limit = 5) => searchMunicipalities({ q, limit }).map((h) => h.name);

  test("“Büchen” offers the Amt first, then the Gemeinde with its administration", () => {
    const hits = searchMunicipalities({ q: "Büchen", limit: 5 });
    expect(hits.slice(0, 2).map((h) => [h.name, h.administration?.name ?? null])).toEqual([
      ["Amt Büchen", null],
      ["Büchen", "Amt Büchen"],
    ]);
    expect(hits[0]).toMatchObject({ memberCount: 15, population: 15_339 });
  });

  test.each(["Weißenthurm", "weissenthurm", "Weissenthurm", "Verbandsgemeinde Weißenthurm", "vg weißenthurm"])(
    "%j finds the Verbandsgemeinde",
    (q) => {
      expect(names(q)).toContain("Verbandsgemeinde Weißenthurm");
    },
  );

  test("“Weißenthurm” offers the Verbandsgemeinde and the Stadt", () => {
    expect(names("Weißenthurm").slice(0, 2)).toEqual(["Verbandsgemeinde Weißenthurm", "Weißenthurm, Stadt"]);
  });

  test.each([
    ["Amt Büchen", "Amt Büchen"],
    ["Samtgemeinde Brome", "Samtgemeinde Brome"],
    ["Emmerting", "Verwaltungsgemeinschaft Emmerting"],
  ])("%j finds %j", (q, name) => {
    expect(names(q)).toContain(name);
  });

  test("a Verband that runs no administration (Baden-Württemberg) is not offered", () => {
    expect(names("GVV Aidlingen")).toEqual([]);
    expect(names("Aidlingen")).toEqual(["Aidlingen"]);
  });
});

describe("names in sentences", () => {
  test.each([
    ["Amt Büchen", "das Amt Büchen", "vom Amt Büchen"],
    ["Verbandsgemeinde Weißenthurm", "die Verbandsgemeinde Weißenthurm", "von der Verbandsgemeinde Weißenthurm"],
    ["Verwaltungsverband Wildenstein", "der Verwaltungsverband Wildenstein", "vom Verwaltungsverband Wildenstein"],
    ["Erfüllende Gemeinde Uder", "die Erfüllende Gemeinde Uder", "von der Erfüllenden Gemeinde Uder"],
    ["Großenhain, Stadt", "Großenhain, Stadt", "von Großenhain, Stadt"],
  ])("%j: %j, %j", (name, nominative, dative) => {
    expect(withArticle(name)).toBe(nominative);
    expect(withArticle(name, "dative")).toBe(dative);
  });
});
