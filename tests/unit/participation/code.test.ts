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
import { selectMunicipalities } from "../../../lib/participation/selection";
import { renderCodesCsv } from "../../../lib/participation/codes-csv";
import { getRegister } from "../../../lib/municipalities/register";

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

describe("which municipalities get codes", () => {
  const rows = getRegister().rows;
  test("by AGS list, state, Kreis and size class; unknown AGS are named", () => {
    const two = selectMunicipalities(rows, { ags: ["14627060", "14627130"] });
    expect(two.ok && two.value.map((r) => r.name)).toEqual(["Großenhain, Stadt", "Lommatzsch, Stadt"]);
    const saxony = selectMunicipalities(rows, { state: "DE-SN" });
    expect(saxony.ok && saxony.value.every((r) => r.state === "DE-SN")).toBe(true);
    const kreis = selectMunicipalities(rows, { kreis: "14627" });
    expect(kreis.ok && kreis.value.every((r) => r.ags.startsWith("14627"))).toBe(true);
    const bavaria = selectMunicipalities(rows, { state: "DE-BY" });
    expect(bavaria.ok && bavaria.value.length).toBe(2056);
    expect(selectMunicipalities(rows, {}).ok && selectMunicipalities(rows, {})).toMatchObject({
      value: { length: 10747 },
    });
    const unknown = selectMunicipalities(rows, { ags: ["14627060", "99999999"] });
    expect(unknown).toEqual({ ok: false, error: "Nicht im amtlichen Gemeindeverzeichnis: 99999999." });
    expect(selectMunicipalities(rows, { state: "DE-BE", sizeClass: "lt_5000" }).ok).toBe(false);
  });

  test("the CSV for a mail merge: header ags;name;code, CRLF, BOM only for a file, names quoted where needed", () => {
    const csv = renderCodesCsv([{ ags: "14627060", name: "Großenhain, Stadt", code: "K7QF-2M9P-XW4D-HT6R" }], false);
    expect(csv).toBe("ags;name;code\r\n14627060;Großenhain, Stadt;K7QF-2M9P-XW4D-HT6R\r\n");
    expect(renderCodesCsv([{ ags: "1", name: "A;B", code: "C" }], true)).toBe('\uFEFFags;name;code\r\n1;"A;B";C\r\n');
  });
});
