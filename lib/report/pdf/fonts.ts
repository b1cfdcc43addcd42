import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * The faces of the PDFs: Fira Sans Regular and Bold as TrueType (SIL OFL 1.1, fonts/OFL.txt; docs/adr/0006),
 * parsed once per process and shared by all documents (pdfkit accepts a fontkit font and subsets it into each PDF):
 * parsing the OpenType tables per document cost about 35 ms.
 */
const FONT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "report", "pdf", "fonts");

export type TFont = ReturnType<typeof fontkit.create>;
export type TFonts = { regular: TFont; bold: TFont };

let fonts: TFonts | null = null;

export function loadFonts(): TFonts {
  fonts ??= {
    regular: prepare(fontkit.create(readFileSync(path.join(FONT_DIR, "FiraSans-Regular.ttf")))),
    bold: prepare(fontkit.create(readFileSync(path.join(FONT_DIR, "FiraSans-Bold.ttf")))),
  };
  return fonts;
}

/** Registers the faces as "Regular" and "Bold" in a document and selects Regular. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = loadFonts();
  // @types/pdfkit does not know that a parsed fontkit font is accepted (pdfkit ≥ 0.16).
  doc.registerFont("Regular", regular as never);
  doc.registerFont("Bold", bold as never);
  doc.font("Regular");
}

function prepare(font: TFont): TFont {
  return withLayoutMemo(withCharacterGlyphs(font));
}

/**
 * fontkit caches a glyph with the characters it was first asked for. When a PDF's subset embeds a composite
 * glyph (the colon is two periods, "ä" is "a" and a diaeresis), its components are fetched without characters;
 * if that came first, the period was cached without its character, and every later PDF of the process lost
 * the period from its text layer (copy, search, screen readers). Creating the glyphs of the base characters
 * from their characters first, once per process, rules that out.
 */
function withCharacterGlyphs(font: TFont): TFont {
  const f = font as unknown as { characterSet: number[]; glyphForCodePoint(codePoint: number): unknown };
  // Base characters only: combining marks (U+0300…) are fetched by fontkit's decomposition with the
  // character they belong to, and must stay so ("ä" keeps its text).
  const base = (cp: number) =>
    (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || (cp >= 0x2010 && cp <= 0x2027);
  for (const codePoint of f.characterSet) if (base(codePoint)) f.glyphForCodePoint(codePoint);
  return font;
}

type TPosition = Record<string, number>;
type TGlyphRun = { glyphs: unknown[]; positions: TPosition[] };
/** Words shaped per process before the memo starts afresh (a report has about 2,000 different ones). */
export const LAYOUT_MEMO_SIZE = 20_000;

/**
 * Shaping a word (OpenType substitution and positioning in fontkit) was half of a report's time, and pdfkit
 * keeps what it shaped only for one document. The font remembers the runs it shaped, for every document of the
 * process; each call gets its own copy of the positions, which pdfkit scales in place. Bounded: when
 * LAYOUT_MEMO_SIZE words are held, the memo starts afresh.
 */
function withLayoutMemo(font: TFont): TFont {
  const f = font as unknown as { layout: (text: string, features?: unknown, ...rest: unknown[]) => TGlyphRun };
  const layout = f.layout.bind(font);
  const memo = new Map<string, TGlyphRun>();
  f.layout = (text, features, ...rest) => {
    if (rest.length > 0) return layout(text, features, ...rest);
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = memo.get(key);
    if (!run) {
      if (memo.size >= LAYOUT_MEMO_SIZE) memo.clear();
      run = layout(text, features);
      memo.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run) as object) as TGlyphRun;
    Object.assign(copy, run);
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  };
  return font;
}
