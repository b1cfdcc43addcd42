#!/usr/bin/env node
// Rebuilds lib/municipalities/register-data.json from a Destatis GV100AD release
// (Gemeindeverzeichnis GV-ISys, fixed width, 220 characters per record).
//
//   npm run register:import -- [<GV100AD_DDMMYYYY.txt>] [options]
//
// Without a file it reads the release committed under data/gemeindeverzeichnis/source/ (see the
// README there for provenance and licence); a yearly update adds the new release beside it.
//
// Options:
//   --out FILE              where to write (default: lib/municipalities/register-data.json)
//   --check                 write nothing; exit 1 if FILE would change (CI, review)
//   --population-date DATE  reference date of the population figures (YYYY-MM-DD). The file
//                           does not contain it; without the option it is inferred from the
//                           national total where that total is a known official figure.
//   --no-fixes              do not apply KNOWN_FIXES
//
// The output is deterministic (rows sorted by AGS, one row per line, no timestamps), so a
// yearly update shows up as a reviewable diff of renamed, merged and re-counted municipalities.
//
// Record layout (Destatis "Datensatzbeschreibung GV100AD"), 1-based character positions:
//   1-2 Satzart (40 Kreis, 50 Gemeindeverband, 60 Gemeinde), 3-10 Gebietsstand JJJJMMTT, 11-18 AGS
//   (Land 11-12, Regierungsbezirk 13, Kreis 14-15, Gemeinde 16-18), 19-22 Gemeindeverband, 23-72 name,
//   73-122 seat of the administration (Satzart 50), 123-124 Textkennzeichen, 129-139 area in ha,
//   140-150 population total.
// A Gemeindeverband's key is Land, Regierungsbezirk, Kreis and Verband (9 digits: the ARS without the
// Gemeinde); a Gemeinde belongs to the Satzart-50 record with the same 9 digits. Textkennzeichen 50 marks the
// pseudo-record every verbandsfreie Gemeinde has (one member: itself); only 51–58 are real Gemeindeverbände
// (docs/adr/0013-administrations-as-units.md).
// Files up to about 2020 are ISO-8859-1, newer ones UTF-8 (Sorbian letters such as š, ł).
// Parsing follows the logic of the register delivery's convert.mjs (same positions, same selection,
// same Schmölln correction; data/gemeindeverzeichnis/README.md), reduced to what the product needs.
//
// Data: © Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys,
// Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0).

import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgsOrExit } from "./lib/args.mjs";

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_OUT = join(PROJECT_ROOT, "lib/municipalities/register-data.json");
const DEFAULT_INPUT = join(PROJECT_ROOT, "data/gemeindeverzeichnis/source/GV100AD_28022026.txt");
const RECORD_LENGTH = 220;

// Länderschlüssel (first two AGS digits) -> ISO 3166-2; mirrors lib/profile/states.ts,
// which the loader checks every row against.
const STATE_BY_PREFIX = {
  "01": "DE-SH",
  "02": "DE-HH",
  "03": "DE-NI",
  "04": "DE-HB",
  "05": "DE-NW",
  "06": "DE-HE",
  "07": "DE-RP",
  "08": "DE-BW",
  "09": "DE-BY",
  10: "DE-SL",
  11: "DE-BE",
  12: "DE-BB",
  13: "DE-MV",
  14: "DE-SN",
  15: "DE-ST",
  16: "DE-TH",
};

// Textkennzeichen of Satzart 60. 65/66 (gemeindefreie Gebiete) are no municipalities and
// are dropped; anything unknown stops the import, because someone has to decide about it.
const MUNICIPALITY_TYPES = new Set(["60", "61", "62", "63", "64", "67"]);
const UNINCORPORATED_TYPES = new Set(["65", "66"]);

// Textkennzeichen of Satzart 50: 50 is the pseudo-record of a verbandsfreie Gemeinde, 51–58 the
// Gemeindeverbände (51 Amt, 52 Samtgemeinde, 53 Verbandsgemeinde, 54 Verwaltungsgemeinschaft,
// 55 Kirchspielslandgemeinde, 56 Verwaltungsverband, 57 Verwaltungsgemeinschaft in the Trägermodell,
// 58 Gemeinde with an erfüllende or mitverwaltende Gemeinde). Anything else stops the import.
const VERBAND_PSEUDO_TYPE = "50";
const VERBAND_TYPES = new Set(["51", "52", "53", "54", "55", "56", "57", "58"]);

// Textkennzeichen of Satzart 40 (Kreis).
const KREIS_TYPES = {
  41: "Kreisfreie Stadt",
  42: "Stadtkreis",
  43: "Kreis",
  44: "Landkreis",
  45: "Regionalverband",
};

// National totals of all Satzart-60 records (incl. gemeindefreie Gebiete, after fixes) that
// equal an official Destatis figure; used only to name the population reference date.
const KNOWN_TOTALS = {
  84358845: "2022-12-31", // Fortschreibung auf Basis Zensus 2011
  83456045: "2023-12-31", // Fortschreibung auf Basis Zensus 2022
  83577140: "2024-12-31", // Fortschreibung auf Basis Zensus 2022
};

// Errors in specific source files. A fix applies only when the file's Gebietsstand AND the
// known wrong values match exactly, so a corrected (or any later) release is never touched.
const KNOWN_FIXES = [
  {
    gebietsstand: "20260228",
    ags: "16077043",
    expect: { population: 411, areaHa: 655 },
    set: { population: 13953 },
    // Shown in the attribution, which the licence requires for changes.
    label: "Korrektur Schmölln",
    note:
      "Schmölln, Stadt: GV100AD_28022026 gives it the figures of Dobitschen (16077003, merged " +
      "into Schmölln; 411 inhabitants, 655 ha). Set to Schmölln 13542 + Dobitschen 411 from " +
      "GV100AD_30112025 (same population date 2024-12-31); with it the Thüringen total is the " +
      "official 2100277.",
  },
];

// Satzart-50 records whose Textkennzeichen is missing in a specific release; set only when the file's
// Gebietsstand, the key and the blank field all match, like KNOWN_FIXES.
const KNOWN_VERBAND_TYPE_FIXES = [
  {
    gebietsstand: "20260228",
    key: "160770043",
    set: "50",
    note:
      "Schmölln, Stadt: the Satzart-50 record of GV100AD_28022026 has no Textkennzeichen; Schmölln is " +
      "verbandsfrei (its only member is itself), so it is the pseudo-record 50.",
  },
];

const LICENCE = {
  name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
  id: "dl-de/by-2-0",
  url: "https://www.govdata.de/dl-de/by-2-0",
};

function fail(message, code = 1) {
  console.error(`register-import: ${message}`);
  process.exit(code);
}

function parseArgs(argv) {
  const { values, positionals } = parseArgsOrExit(
    argv,
    {
      out: { type: "string", default: DEFAULT_OUT },
      check: { type: "boolean" },
      "population-date": { type: "string" },
      "no-fixes": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    { positionals: true, prefix: "register-import: ", exitCode: 2, unknown: (a) => `unknown option ${a}` },
  );
  if (positionals.length > 1) fail(`one input file expected, got ${positionals.length}`, 2);
  return {
    fixes: !values.noFixes,
    check: values.check,
    out: values.out,
    populationDate: values.populationDate,
    help: values.help,
    input: positionals[0] ?? DEFAULT_INPUT,
  };
}

function decode(buf) {
  let bytes = buf;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // WHATWG "latin1" is windows-1252, a superset of ISO-8859-1 for printable text.
    return { text: new TextDecoder("latin1").decode(bytes), encoding: "ISO-8859-1" };
  }
}

function integerField(s, what, lineNo) {
  const t = s.trim();
  if (!/^\d+$/.test(t)) fail(`${what} not numeric (${JSON.stringify(s)}) in line ${lineNo}`);
  return Number.parseInt(t, 10);
}

/**
 * The Kreis as a user tells homonyms apart by: "Landkreis Meißen", "Kreis Kleve", names that
 * already say what they are ("Rhein-Sieg-Kreis", "Region Hannover", "Städteregion Aachen"),
 * and "kreisfreie Stadt" / "Stadtkreis" where the municipality is its own Kreis (Destatis
 * names those after the city, which would only repeat the municipality's name).
 */
function kreisLabel(kreis) {
  const type = KREIS_TYPES[kreis.type];
  if (type === "Kreisfreie Stadt") return "kreisfreie Stadt";
  if (type === "Stadtkreis") return "Stadtkreis";
  if (/kreis|^(Region|Städteregion|Regionalverband)\b/i.test(kreis.name)) return kreis.name;
  if (type === "Landkreis" || type === "Kreis") return `${type} ${kreis.name}`;
  fail(`unknown Kreis Textkennzeichen ${JSON.stringify(kreis.type)} for ${kreis.name}`);
}

/** Text before the first comma: "Flensburg, Stadt" -> "Flensburg", "Ebstorf,Klosterflecken" -> "Ebstorf". */
function shortName(name) {
  return name.split(",")[0].trim();
}

function isoDate(yyyymmdd) {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function germanDate(iso) {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

function build(opts) {
  let bytes;
  try {
    bytes = readFileSync(opts.input);
  } catch (error) {
    fail(`cannot read ${opts.input}: ${error.code ?? error.message}`);
  }
  const { text, encoding } = decode(bytes);
  const warnings = [];
  const kreise = new Map(); // "LLRKK" -> { name, type }
  const verbandRecords = new Map(); // 9-digit key -> { name, seat, type, lineNo }
  const records = [];
  const gebietsstaende = new Set();
  let badLength = 0;

  text.split(/\r?\n/).forEach((raw, idx) => {
    if (raw.trim() === "") return;
    const lineNo = idx + 1;
    if (raw.length !== RECORD_LENGTH) badLength++;
    const l = raw.padEnd(RECORD_LENGTH, " ");
    const satzart = l.slice(0, 2);
    gebietsstaende.add(l.slice(2, 10));
    if (satzart === "40") {
      kreise.set(l.slice(10, 15), { name: l.slice(22, 72).trim(), type: l.slice(122, 124) });
    } else if (satzart === "50") {
      const key = l.slice(10, 15) + l.slice(18, 22);
      if (!/^\d{9}$/.test(key)) fail(`bad Gemeindeverband key ${JSON.stringify(key)} in line ${lineNo}`);
      if (verbandRecords.has(key)) fail(`duplicate Gemeindeverband ${key} in line ${lineNo}`);
      verbandRecords.set(key, {
        key,
        gebietsstand: l.slice(2, 10),
        name: l.slice(22, 72).trim(),
        seat: l.slice(72, 122).trim(),
        type: l.slice(122, 124),
        lineNo,
      });
    } else if (satzart === "60") {
      const ags = l.slice(10, 18);
      if (!/^\d{8}$/.test(ags)) fail(`bad AGS ${JSON.stringify(ags)} in line ${lineNo}`);
      const nameField = l.slice(22, 72);
      records.push({
        lineNo,
        gebietsstand: l.slice(2, 10),
        ags,
        verbandKey: l.slice(10, 15) + l.slice(18, 22),
        name: nameField.trim(),
        nameFillsField: !nameField.endsWith(" "),
        type: l.slice(122, 124),
        areaHa: integerField(l.slice(128, 139), "area", lineNo),
        population: integerField(l.slice(139, 150), "population", lineNo),
      });
    }
  });

  if (records.length === 0) fail("no Satzart-60 records: is this a GV100AD file?");
  if (gebietsstaende.size !== 1) fail(`several Gebietsstände in one file: ${[...gebietsstaende].sort().join(", ")}`);
  const gebietsstand = isoDate([...gebietsstaende][0]);
  if (badLength) warnings.push(`${badLength} records are not ${RECORD_LENGTH} characters long (padded)`);

  const fixesApplied = [];
  if (opts.fixes) {
    for (const fix of KNOWN_FIXES) {
      const r = records.find((x) => x.ags === fix.ags && x.gebietsstand === fix.gebietsstand);
      if (!r) continue;
      if (r.population === fix.expect.population && r.areaHa === fix.expect.areaHa) {
        fixesApplied.push({
          ags: r.ags,
          name: r.name,
          from: r.population,
          to: fix.set.population,
          label: fix.label,
          note: fix.note,
        });
        Object.assign(r, fix.set);
      } else {
        warnings.push(`fix for ${fix.ags} not applied: the values differ from the known error`);
      }
    }
  }

  const nationalTotal = records.reduce((s, r) => s + r.population, 0);
  const populationDate = opts.populationDate ?? KNOWN_TOTALS[nationalTotal];
  if (!populationDate) {
    fail(`national total ${nationalTotal} is not a known official figure; pass --population-date YYYY-MM-DD`, 2);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(populationDate))
    fail(`--population-date must be YYYY-MM-DD, got ${populationDate}`, 2);

  const kept = [];
  const dropped = [];
  for (const r of records) {
    if (UNINCORPORATED_TYPES.has(r.type)) dropped.push(r);
    else if (MUNICIPALITY_TYPES.has(r.type)) kept.push(r);
    else fail(`unknown Textkennzeichen ${JSON.stringify(r.type)} for ${r.ags} ${r.name} (line ${r.lineNo})`);
  }
  kept.sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0));

  const seen = new Set();
  for (const r of kept) {
    if (seen.has(r.ags)) fail(`duplicate AGS ${r.ags}`);
    seen.add(r.ags);
    if (!STATE_BY_PREFIX[r.ags.slice(0, 2)]) fail(`unknown state prefix in AGS ${r.ags}`);
    if (!kreise.has(r.ags.slice(0, 5))) fail(`no Kreis record for ${r.ags} ${r.name}`);
    // Every municipality is inhabited; 0 would mean a broken record (and has no size class).
    if (r.population < 1) fail(`population ${r.population} for ${r.ags} ${r.name}`);
    if (r.name === "") fail(`empty name for ${r.ags}`);
    if (r.nameFillsField) warnings.push(`name fills the whole 50-character field (probably cut): ${r.ags} ${r.name}`);
  }

  // Applied with --no-fixes too: they change no figure, only make a record readable.
  const verbandTypeFixes = [];
  for (const fix of KNOWN_VERBAND_TYPE_FIXES) {
    const v = verbandRecords.get(fix.key);
    if (!v || v.gebietsstand !== fix.gebietsstand) continue;
    if (v.type.trim() === "") {
      v.type = fix.set;
      verbandTypeFixes.push(`${fix.key} ${v.name}: Textkennzeichen "" -> ${fix.set}`);
    } else warnings.push(`Verband type fix for ${fix.key} not applied: its Textkennzeichen is ${v.type}`);
  }
  const membersByVerband = new Map();
  for (const r of kept) {
    const v = verbandRecords.get(r.verbandKey);
    if (!v) fail(`no Satzart-50 record ${r.verbandKey} for ${r.ags} ${r.name}`);
    if (v.type !== VERBAND_PSEUDO_TYPE && !VERBAND_TYPES.has(v.type))
      fail(
        `unknown Gemeindeverband Textkennzeichen ${JSON.stringify(v.type)} for ${v.key} ${v.name} (line ${v.lineNo})`,
      );
    const list = membersByVerband.get(r.verbandKey);
    if (list) list.push(r);
    else membersByVerband.set(r.verbandKey, [r]);
  }
  const verbaende = [];
  for (const [key, members] of [...membersByVerband].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const v = verbandRecords.get(key);
    if (v.type === VERBAND_PSEUDO_TYPE) {
      // The pseudo-record stands for exactly one verbandsfreie Gemeinde; more would be a real Verband.
      if (members.length !== 1)
        fail(`pseudo-record ${key} ${v.name} (Textkennzeichen 50) has ${members.length} members`);
      continue;
    }
    if (v.name === "") fail(`empty name for Gemeindeverband ${key}`);
    if (v.seat === "") warnings.push(`no seat of the administration for Gemeindeverband ${key} ${v.name}`);
    verbaende.push({
      key,
      name: v.name,
      type: v.type,
      seat: v.seat,
      members,
      population: members.reduce((s, m) => s + m.population, 0),
    });
  }
  const emptyVerbaende = [...verbandRecords.values()].filter(
    (v) => VERBAND_TYPES.has(v.type) && !membersByVerband.has(v.key),
  );
  if (emptyVerbaende.length) fail(`Gemeindeverbände without members: ${emptyVerbaende.map((v) => v.key).join(", ")}`);
  const inVerband = new Set(verbaende.map((v) => v.key));

  const changes = ["Auswahl der Gemeinden", ...fixesApplied.map((f) => f.label)];
  const source =
    `Quelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis (GV-ISys), Gebietsstand ${germanDate(gebietsstand)}, ` +
    `${LICENCE.name}; eigene Bearbeitung (${changes.join(", ")}).`;

  const data = {
    format: 2,
    gebietsstand,
    populationDate,
    source,
    licence: LICENCE,
    sourceFile: basename(opts.input),
    fixes: fixesApplied.map(({ ags, from, to, note }) => ({ ags, population: { from, to }, note })),
    columns: ["ags", "name", "nameShort", "kreis", "state", "population", "verband"],
    verbandColumns: ["key", "name", "type", "seat", "state", "members", "population"],
    rows: kept.map((r) => [
      r.ags,
      r.name,
      shortName(r.name),
      kreisLabel(kreise.get(r.ags.slice(0, 5))),
      STATE_BY_PREFIX[r.ags.slice(0, 2)],
      r.population,
      inVerband.has(r.verbandKey) ? r.verbandKey : "",
    ]),
    verbaende: verbaende.map((v) => [
      v.key,
      v.name,
      v.type,
      v.seat,
      STATE_BY_PREFIX[v.key.slice(0, 2)],
      v.members.length,
      v.population,
    ]),
  };

  const report = {
    encoding,
    gebietsstand,
    populationDate: `${populationDate}${opts.populationDate ? " (given)" : ` (inferred from the national total ${nationalTotal})`}`,
    rows: kept.length,
    populationSum: kept.reduce((s, r) => s + r.population, 0),
    droppedUnincorporated: dropped.length,
    droppedPopulated: dropped.filter((r) => r.population > 0).map((r) => `${r.ags} ${r.name} (${r.population})`),
    fixesApplied: fixesApplied.map((f) => `${f.ags} ${f.name}: ${f.from} -> ${f.to}`),
    verbaende: verbaende.length,
    verbandMembers: verbaende.reduce((s, v) => s + v.members.length, 0),
    verbandTypeFixes,
    warnings,
  };
  return { data, report };
}

/** Stable JSON: header keys in a fixed order, then one row per line so a release diff is row-by-row. */
function serialise(data) {
  const { rows, verbaende, ...head } = data;
  const headText = JSON.stringify(head, null, 2);
  const lines = (list) => list.map((row) => `    ${JSON.stringify(row)}`).join(",\n");
  return `${headText.slice(0, -2)},\n  "rows": [\n${lines(rows)}\n  ],\n  "verbaende": [\n${lines(verbaende)}\n  ]\n}\n`;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(
      "usage: npm run register:import -- [<GV100AD file>] [--out FILE] [--check] [--population-date YYYY-MM-DD] [--no-fixes]",
    );
    console.log(`default file: ${relative(process.cwd(), DEFAULT_INPUT)}`);
    process.exit(0);
  }
  const { data, report } = build(opts);
  const text = serialise(data);
  const outName = relative(process.cwd(), opts.out) || opts.out;

  if (opts.check) {
    let current = "";
    try {
      current = readFileSync(opts.out, "utf8");
    } catch {
      // A missing file counts as different.
    }
    if (current === text) {
      console.log(`${outName} is up to date (${report.rows} rows, Gebietsstand ${report.gebietsstand}).`);
      return;
    }
    console.error(
      `${outName} differs from what ${basename(opts.input)} produces; run without --check and review the diff.`,
    );
    process.exit(1);
  }

  writeFileSync(opts.out, text, "utf8");
  console.log(JSON.stringify(report, null, 2));
  console.log(`wrote ${outName} (${Buffer.byteLength(text)} bytes)`);
}

main();
