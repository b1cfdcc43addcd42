import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, test } from "vitest";
import { FONT_FACES, fontHref } from "@/lib/fonts";

// The web fonts are Fira Sans subsets (scripts/subset-fonts.sh). A character missing from them would
// show in a fallback font in the middle of a word: every character the app shows from its data must be in.
const FONT_DIR = path.join(process.cwd(), "public", "fonts");
const css = readFileSync(path.join(process.cwd(), "app", "fira-sans.css"), "utf8");
const faces = [
  ...css.matchAll(
    /src: url\("\/fonts\/([^"]+)"\)[^}]*?font-weight: (\d+(?: \d+)?);\s*font-style: (\w+);[^}]*?unicode-range: ([^;]+);/g,
  ),
].map((m) => ({
  file: m[1]!,
  weight: m[2]!,
  style: m[3]!,
  ranges: m[4]!.split(",").map((r) => r.trim()),
}));

function inRanges(cp: number, ranges: string[]): boolean {
  return ranges.some((r) => {
    const [from, to] = r
      .replace(/^U\+/, "")
      .split("-")
      .map((h) => parseInt(h, 16));
    return cp >= from! && cp <= (to ?? from!);
  });
}

function charactersOf(...texts: string[]): number[] {
  const set = new Set<number>();
  for (const t of texts) for (const ch of t) if (ch.codePointAt(0)! >= 0x20) set.add(ch.codePointAt(0)!);
  return [...set];
}

const shown = charactersOf(
  readFileSync("lib/survey/national-2020.json", "utf8"),
  readFileSync("lib/municipalities/register-data.json", "utf8"),
  "äöüÄÖÜß „Zitat“ ‚halb‘ – … € § ° → ≥ ≤ × ·",
);

describe("web fonts (public/fonts, app/fira-sans.css)", () => {
  test("the regular, italic, medium and semibold faces are declared with font-display: optional (no layout shift when a face arrives late); semibold also draws bold text", () => {
    expect(faces.map((f) => `${f.weight} ${f.style}`).sort()).toEqual([
      "400 italic",
      "400 normal",
      "500 normal",
      "600 700 normal",
    ]);
    expect(css.match(/font-display: optional;/g)).toHaveLength(faces.length);
  });

  test.each(faces.map((f) => [f.file, f] as const))(
    "%s: every character of the reference file, the register and German typography is in the font and its unicode-range",
    (_file, face) => {
      const font = fontkit.create(readFileSync(path.join(FONT_DIR, face.file))) as fontkit.Font;
      const inFont = new Set(font.characterSet);
      expect(shown.filter((cp) => !inFont.has(cp)).map((cp) => String.fromCodePoint(cp))).toEqual([]);
      expect(shown.filter((cp) => !inRanges(cp, face.ranges)).map((cp) => String.fromCodePoint(cp))).toEqual([]);
      expect(font.familyName).toMatch(/^Fira Sans/);
    },
  );

  test("every face a page can preload (lib/fonts.ts, components/font-preload.tsx) is a declared file", () => {
    expect(FONT_FACES.map((face) => fontHref(face).replace("/fonts/", "")).sort()).toEqual(
      faces.map((f) => f.file).sort(),
    );
  });

  test("each face is a small subset (a phone loads it on the first visit)", () => {
    for (const f of faces) expect(statSync(path.join(FONT_DIR, f.file)).size).toBeLessThan(40_000);
  });
});
