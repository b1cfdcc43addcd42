import { describe, expect, test } from "vitest";
import {
  CODE_ALPHABET,
  CODE_BITS,
  CODE_INPUT_MAX,
  formatCode,
  generateCode,
  hashCode,
  parseCode,
} from "../../../lib/participation/code";
import { selectUnits, type TCodeSelection } from "../../../lib/participation/selection";
import { renderCodesCsv } from "../../../lib/participation/codes-csv";
import { findItem, getGemeindeItems, getUnits } from "../../../lib/municipalities/register";
import { formToCodeSelection } from "../../../lib/participation/selection-form";
import { createZip, crc32 } from "../../../lib/format/zip";

describe("participation codes", () => {
  test("at least 60 bits of randomness, no 0/O or 1/I, grouped in fours", () => {
    expect(CODE_BITS).toBeGreaterThanOrEqual(60);
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    for (let i = 0; i < 200; i += 1) expect(generateCode()).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(new Set(Array.from({ length: 1000 }, () => generateCode())).size).toBe(1000);
  });

  test("generation uses every symbol position: a fixed random source gives the expected code", () => {
    let i = 0;
    expect(generateCode(() => i++ % 32)).toBe("2345-6789-ABCD-EFGH");
    expect(formatCode("K7QF2M9PXW4DHT6R")).toBe("K7QF-2M9P-XW4D-HT6R");
  });

  test("case, spaces and hyphens do not matter; anything else is malformed; overlong input is not read", () => {
    const symbols = "K7QF2M9PXW4DHT6R";
    for (const typed of ["K7QF-2M9P-XW4D-HT6R", "k7qf 2m9p xw4d ht6r", " K7QF2M9PXW4DHT6R ", "k7qf-2m9p xw4d-ht6r"])
      expect(parseCode(typed)).toEqual({ ok: true, symbols });
    for (const bad of [
      "K7QF-2M9P-XW4D-HT6",
      "K7QF-2M9P-XW4D-HT6RR",
      "K7QF-2M9P-XW4D-HT0O",
      "K7QF-2M9P-XW4D-HT1I",
      "ÄÖÜ",
      "",
      42,
      null,
    ])
      expect(parseCode(bad)).toEqual({ ok: false, reason: "malformed" });
    expect(parseCode("K".repeat(CODE_INPUT_MAX + 1))).toEqual({ ok: false, reason: "oversized" });
  });

  test("the stored hash depends on every symbol and never contains the code", () => {
    const a = hashCode("K7QF2M9PXW4DHT6R");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain("K7QF");
    expect(hashCode("K7QF2M9PXW4DHT6S")).not.toBe(a);
    expect(hashCode("K7QF2M9PXW4DHT6R")).toBe(a);
  });
});

describe("which units get codes (docs/adr/0013-administrations-as-units.md)", () => {
  const register = { units: getUnits(), gemeinden: getGemeindeItems(), find: findItem };
  const select = (selection: TCodeSelection) => selectUnits(register, selection);
  const count = (selection: TCodeSelection) => {
    const r = select(selection);
    return r.ok ? r.value.length : r.error;
  };

  test("by default one code per administration: 170 in Rheinland-Pfalz, 2,300 with unit gemeinde", () => {
    expect(count({ state: "DE-RP" })).toBe(170);
    expect(count({ state: "DE-RP", unit: "gemeinde" })).toBe(2_300);
    expect(count({ state: "DE-SH" })).toBe(168);
    expect(count({ state: "DE-MV" })).toBe(116);
    expect(count({ state: "DE-BY", unit: "gemeinde" })).toBe(2_056);
  });

  test("by keys (Verband and Gemeinde) and by AGS; Kreis and size class of the population served", () => {
    const two = select({ keys: ["14627060", "010535318"] });
    expect(two.ok && two.value.map((r) => r.name)).toEqual(["Amt Büchen", "Großenhain, Stadt"]);
    const ags = select({ ags: ["14627060", "14627130"] });
    expect(ags.ok && ags.value.map((r) => r.name)).toEqual(["Großenhain, Stadt", "Lommatzsch, Stadt"]);
    const kreis = select({ kreis: "01053" });
    expect(kreis.ok && kreis.value.every((r) => r.key.startsWith("01053"))).toBe(true);
    expect(kreis.ok && kreis.value.map((r) => r.name)).toContain("Amt Büchen");
    const mittel = select({ state: "DE-RP", sizeClass: "20000_99999" });
    expect(mittel.ok && mittel.value.map((r) => r.name)).toContain("Verbandsgemeinde Weißenthurm");
  });

  test("nothing without a filter, unless all is said: 5,029 administrations", () => {
    expect(select({})).toMatchObject({ ok: false, error: expect.stringContaining("--all") });
    expect(count({ all: true })).toBe(5_029);
    expect(count({ all: true, unit: "gemeinde" })).toBe(10_747);
  });

  test("unknown keys, pseudo-records and Verbände that run no administration are named", () => {
    expect(select({ keys: ["14627060", "99999999"] })).toEqual({
      ok: false,
      error: "Nicht im amtlichen Gemeindeverzeichnis: 99999999.",
    });
    expect(select({ keys: ["010010000"] })).toEqual({
      ok: false,
      error: "Nicht im amtlichen Gemeindeverzeichnis: 010010000.",
    });
    expect(select({ keys: ["081155001"] })).toMatchObject({
      ok: false,
      error: expect.stringContaining("081155001 Gemeindeverwaltungsverband Aidlingen/Grafenau"),
    });
    expect(select({ state: "DE-BE", sizeClass: "lt_5000" }).ok).toBe(false);
  });

  test("the operator's form: keys split at commas, semicolons and spaces; only 1 means yes", () => {
    const form = new Map<string, string>([
      ["keys", " 010535318, 14627060;07137228 "],
      ["state", ""],
      ["unit", "verwaltung"],
      ["all", "0"],
      ["replace", "1"],
    ]);
    expect(formToCodeSelection({ get: (n) => form.get(n) ?? null })).toEqual({
      keys: ["010535318", "14627060", "07137228"],
      unit: "verwaltung",
      replace: true,
    });
  });

  test("the CSV for a mail merge: header key;name;kind;code, CRLF, BOM only for a file, names quoted where needed", () => {
    const csv = renderCodesCsv(
      [{ key: "010535318", name: "Amt Büchen", kind: "verwaltung", code: "K7QF-2M9P-XW4D-HT6R" }],
      false,
    );
    expect(csv).toBe("key;name;kind;code\r\n010535318;Amt Büchen;verwaltung;K7QF-2M9P-XW4D-HT6R\r\n");
    expect(renderCodesCsv([{ key: "1", name: "A;B", kind: "gemeinde", code: "C" }], true)).toBe(
      '\uFEFFkey;name;kind;code\r\n1;"A;B";gemeinde;C\r\n',
    );
  });
});

describe("the ZIP of one issue", () => {
  test("CRC-32 of the standard check string", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  test("stored entries with UTF-8 names, readable by unzip", async () => {
    const { execFileSync } = await import("node:child_process");
    const { mkdtempSync, writeFileSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const zip = createZip([
      { name: "teilnahmecodes.csv", data: Buffer.from("key;name\r\n"), modified: new Date("2026-12-07T10:00:00Z") },
      { name: "übersicht.txt", data: Buffer.from("Ausgegeben: 1"), modified: new Date("2026-12-07T10:00:00Z") },
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), "zip-"));
    writeFileSync(path.join(dir, "a.zip"), zip);
    execFileSync("python3", ["-m", "zipfile", "-e", path.join(dir, "a.zip"), path.join(dir, "out")]);
    expect(readFileSync(path.join(dir, "out", "übersicht.txt"), "utf8")).toBe("Ausgegeben: 1");
    const listing = execFileSync("python3", ["-m", "zipfile", "-l", path.join(dir, "a.zip")], { encoding: "utf8" });
    expect(listing).toContain("2026-12-07 11:00:00");
  });
});
