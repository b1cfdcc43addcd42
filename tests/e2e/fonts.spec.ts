import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { createAssessment, createSubmittedAssessment } from "../support/fixtures";
import { fontHref, type TFontFace } from "../../lib/fonts";

// app/fira-sans.css sets font-display: optional. A face that the browser only finds in the stylesheet
// arrives too late on a slow connection and the text stays in the fallback font for that page view
// (measured: the landing page's heading, set in Medium, in Liberation Sans in 5 of 5 first visits at
// 150 ms latency and 1.6 Mbit/s). So each face that a page's first screen draws with must be preloaded,
// and no other: a preloaded face shares the line with the stylesheet before the first paint.

const FACE_BY_STYLE: Record<string, TFontFace> = {
  "400 normal": "Regular",
  "400 italic": "Italic",
  "500 normal": "Medium",
  "600 normal": "SemiBold",
  // app/fira-sans.css: KERN has no bold; the SemiBold face also covers 700.
  "700 normal": "SemiBold",
};

/** The Fira Sans faces of the visible text in the first screen, and the faces the page preloads. */
async function firstScreenFaces(page: Page, path: string) {
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const styles = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Visible, in the first screen, and drawn: not clipped away as screen-reader-only text.
      if (rect.width < 2 || rect.height < 2 || rect.bottom <= 0 || rect.top >= window.innerHeight) continue;
      if (style.visibility === "hidden" || el.closest(".kern-sr-only, .sr-only, [hidden]")) continue;
      if (!style.fontFamily.includes("Fira Sans")) continue;
      styles.add(`${style.fontWeight} ${style.fontStyle} | ${(node.textContent ?? "").trim().slice(0, 40)}`);
    }
    const preloaded = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map(
      (l) => new URL(l.href).pathname,
    );
    return { styles: [...styles], preloaded };
  });
}

const PAGES: { name: string; path: (request: APIRequestContext) => Promise<string> }[] = [
  { name: "landing page", path: async () => "/" },
  { name: "start page", path: async () => "/start" },
  { name: "questionnaire step", path: async (request) => `/a/${(await createAssessment(request)).token}/schritt/1` },
  { name: "results page", path: async (request) => `/a/${(await createSubmittedAssessment(request)).token}/ergebnis` },
  { name: "method page", path: async () => "/methodik" },
];

test.describe("fonts", () => {
  for (const { name, path } of PAGES) {
    test(`the ${name} preloads exactly the faces of Fira Sans that its first screen draws with`, async ({
      page,
      request,
    }) => {
      const { styles, preloaded } = await firstScreenFaces(page, await path(request));
      expect(styles.length).toBeGreaterThan(0);
      const missing = styles.filter((s) => {
        const face = FACE_BY_STYLE[s.split(" | ")[0]!];
        return !face || !preloaded.includes(fontHref(face));
      });
      // Each entry: weight, style and the beginning of the text drawn with a face that is not preloaded.
      expect(missing).toEqual([]);
      const drawn = new Set(
        styles
          .map((s) => FACE_BY_STYLE[s.split(" | ")[0]!])
          .filter((face) => face !== undefined)
          .map(fontHref),
      );
      // Faces preloaded for nothing in the first screen: bytes before the first paint that it does not need.
      expect(preloaded.filter((href) => !drawn.has(href))).toEqual([]);
    });
  }
});
