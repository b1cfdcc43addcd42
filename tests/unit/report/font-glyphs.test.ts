import { describe, expect, test } from "vitest";
import { loadFonts } from "../../../lib/report/pdf/fonts";
import { renderTaggedPdf } from "../../../lib/report/pdf/document";

// A PDF whose bold text has a colon but no period embeds the colon's components (two periods) without
// their character. That must not cost every later PDF of the process the period in its text layer.
describe("the report fonts", () => {
  test("a period keeps its character after a PDF with only a colon in bold", async () => {
    await renderTaggedPdf({ title: "t", subject: "s", footer: "f", watermark: false }, new Date(), (w) => {
      w.doc.addPage();
      w.heading(1, "Lagebild: Deutschland");
    });
    const { bold, regular } = loadFonts() as unknown as Record<
      "bold" | "regular",
      { layout(text: string): { glyphs: { name: string; codePoints: number[] }[] } }
    >;
    for (const font of [bold, regular]) {
      const glyphs = font.layout("Fortgeschritten. Ämter: ij").glyphs;
      expect(glyphs.find((g) => g.name === "period")?.codePoints).toEqual([46]);
      expect(glyphs.every((g) => g.codePoints.length > 0)).toBe(true);
    }
  });
});
