// Reads a PDF back in tests with pdfjs-dist (Mozilla's PDF.js), so that no test needs poppler-utils or any other
// program from outside npm: the page count, the document information, the text of each page, the text lines with
// their position and size, the fonts, and the tagged structure tree with the text each element holds.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

type TStructNode = { role?: string; type?: string; id?: string; alt?: string; children?: TStructNode[] };
type TTextItem = { str: string; transform: number[]; width: number; height: number; hasEOL: boolean };
type TMarked = { type: string; id?: string; tag?: string };

/** One line of text: its page (from 1), the marked-content sequence it belongs to, its left and right edge and its
 * baseline in pt from the top left, its font size in pt and its text. */
export type TPdfLine = {
  page: number;
  block: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
  text: string;
};

export type TPdfFont = { name: string; embedded: boolean; toUnicode: boolean };

export type TReadPdf = {
  pages: number;
  /** Title and Author of the document information, Tagged ("yes"/"no", from the MarkInfo) and the page size. */
  info: { Title: string; Author: string; Tagged: "yes" | "no"; pageSize: string };
  /** The text of each page in the order the content stream draws it; items on one baseline joined by a space. */
  pageText: string[];
  /** All pages' text, separated by form feeds as pdftotext does. */
  text: string;
  lines: TPdfLine[];
  fonts: TPdfFont[];
  /**
   * The structure tree with its text, one element per line indented by two spaces a level, the text an element's
   * marked content holds on the line below it in quotes, e.g.
   * `Document` / `  H1` / `    "Zusammenfassung"`. Artifacts (headers, footers, watermarks) are no part of it.
   * pdf.js reads the tree page by page: each page's part starts at `Document`, and an element that runs over a
   * page break stands on both pages with the text of each.
   */
  structure: string;
  /** The structure elements of a role with their text and alternative text. */
  elements: (role: string) => { text: string; alt: string | undefined }[];
};

/** Whether the font dictionary of `name` (not a CIDFont descendant) names a ToUnicode map. */
function hasToUnicode(objects: string[], name: string): boolean {
  const dict = objects.find(
    (o) => o.includes("/Type /Font") && o.includes(`/BaseFont /${name}\n`) && !/\/Subtype \/CIDFontType[02]/.test(o),
  );
  return dict !== undefined && dict.includes("/ToUnicode");
}

/** Reads `bytes` (a PDF) with pdfjs-dist. */
export async function readPdf(bytes: Uint8Array | Buffer): Promise<TReadPdf> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const meta = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
    const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const pageText: string[] = [];
    const lines: TPdfLine[] = [];
    const fonts = new Map<string, TPdfFont>();
    const tree: string[] = [];
    const elements: { role: string; text: string; alt: string | undefined }[] = [];
    let pageSize = "";
    // The raw objects, for what pdf.js does not report: whether a font carries a ToUnicode map.
    const objects = Buffer.from(bytes).toString("latin1").split("endobj");

    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      if (n === 1) {
        const a4 = Math.abs(width - 595.28) < 1 && Math.abs(height - 841.89) < 1;
        pageSize = `${width.toFixed(2)} x ${height.toFixed(2)} pts${a4 ? " (A4)" : ""}`;
      }

      // Text, with the marked-content sequence (MCID) each item belongs to.
      const content = await page.getTextContent({ includeMarkedContent: true });
      const byMcid = new Map<string, string[]>();
      const open: string[] = [];
      let text = "";
      let last: { y: number; end: number; eol: boolean } | null = null;
      for (const raw of content.items as (TTextItem | TMarked)[]) {
        if ("type" in raw) {
          if (raw.type === "beginMarkedContentProps" || raw.type === "beginMarkedContent") open.push(raw.id ?? "");
          else if (raw.type === "endMarkedContent") open.pop();
          continue;
        }
        const item = raw;
        const mcid = open.findLast((id) => id !== "") ?? "";
        if (item.str === "") {
          if (item.hasEOL && last) last.eol = true;
          continue;
        }
        const x = item.transform[4]!;
        const y = height - item.transform[5]!;
        const size = Math.hypot(item.transform[2]!, item.transform[3]!);
        const sameLine = last !== null && !last.eol && Math.abs(last.y - y) < 1;
        // A space between items of one line that stand apart (table cells, words drawn one by one), a line break
        // between lines; in an element's text both count as one space.
        const gap = sameLine && x - last!.end > size * 0.1 && !/\s$/.test(text) ? " " : "";
        if (sameLine) {
          const line = lines.at(-1)!;
          line.text += gap + item.str;
          line.right = x + item.width;
        } else lines.push({ page: n, block: mcid, x, right: x + item.width, baseline: y, size, text: item.str });
        text += (sameLine ? gap : text === "" ? "" : "\n") + item.str;
        // In an element's text a line break is a space, except after a hyphen at the line's end ("E-⏎Rechnung").
        const previous = byMcid.get(mcid)?.at(-1) ?? "";
        const join = sameLine ? gap : /-$/.test(previous) ? "" : " ";
        if (mcid) byMcid.set(mcid, [...(byMcid.get(mcid) ?? []), join + item.str]);
        last = { y, end: x + item.width, eol: item.hasEOL };
      }
      pageText.push(text);

      // Fonts: loaded by the operator list into the page's common objects.
      const ops = await page.getOperatorList();
      for (const [i, fn] of ops.fnArray.entries()) {
        if (fn !== 37 /* OPS.setFont */) continue;
        const id = (ops.argsArray[i] as [string])[0];
        if (fonts.has(id)) continue;
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean };
        const name = font.name ?? id;
        fonts.set(id, { name, embedded: font.missingFile === false, toUnicode: hasToUnicode(objects, name) });
      }

      // The structure tree of this page (pdf.js gives it page by page; elements of several pages repeat).
      const root = (await page.getStructTree()) as TStructNode | null;
      const textOf = (node: TStructNode): string =>
        (node.children ?? [])
          .map((c) => (c.type === "content" ? (byMcid.get(c.id ?? "") ?? []).join("") : c.role ? textOf(c) : ""))
          .join("");
      const walk = (node: TStructNode, depth: number) => {
        if (node.type) return;
        const isElement = node.role !== undefined && node.role !== "Root";
        if (isElement) {
          tree.push(`${"  ".repeat(depth)}${node.role}`);
          const own = (node.children ?? [])
            .filter((c) => c.type === "content")
            .map((c) => (byMcid.get(c.id ?? "") ?? []).join(""))
            .join("");
          if (own.trim() !== "") tree.push(`${"  ".repeat(depth + 1)}"${own.replace(/\s+/g, " ").trim()}"`);
          elements.push({ role: node.role!, text: textOf(node).replace(/\s+/g, " ").trim(), alt: node.alt });
        }
        for (const c of node.children ?? []) walk(c, isElement ? depth + 1 : depth);
      };
      if (root) walk(root, 0);
      page.cleanup();
    }

    return {
      pages: doc.numPages,
      info: {
        Title: String(meta.info.Title ?? ""),
        Author: String(meta.info.Author ?? ""),
        Tagged: markInfo?.Marked ? "yes" : "no",
        pageSize,
      },
      pageText,
      text: pageText.join("\f"),
      lines,
      fonts: [...fonts.values()],
      structure: tree.join("\n"),
      elements: (role) => elements.filter((e) => e.role === role).map(({ text, alt }) => ({ text, alt })),
    };
  } finally {
    await doc.destroy();
  }
}
