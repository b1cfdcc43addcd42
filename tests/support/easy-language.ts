import type { Page } from "@playwright/test";
import type { TEasyUnit } from "../../lib/easy-language/check";

/**
 * What the page in Leichter Sprache must explain (BITV 2.0 § 4, docs/adr/0012-leichte-sprache.md): its
 * section headings, as the unit test reads them from the data and the browser test from the page.
 */
export const EASY_PAGE_HEADINGS = [
  "Was ist der Digital-Check?",
  "So benutzen Sie den Digital-Check",
  "Ihr Ergebnis in Leichter Sprache",
  "Was passiert mit Ihren Daten?",
  "So finden Sie sich auf der Seite zurecht",
  "Eine Barriere melden",
  "Gebärden-Sprache",
  "Was ist Leichte Sprache?",
  "Wörter-Liste",
] as const;

/**
 * The rendered text of every region marked as Leichte Sprache, in reading order, as the checker reads it:
 * headings, entries of a table of contents and words of the word list as headings; paragraphs, list items,
 * explanations and the alternative texts of pictures as blocks.
 */
export async function easyUnits(page: Page): Promise<TEasyUnit[]> {
  return page.locator("[data-leichte-sprache] :is(h1, h2, h3, h4, p, li, dt, dd, img[alt])").evaluateAll((els) =>
    els
      // A list item whose text is in its own paragraphs or headings (a point of the result) is read through them.
      .filter((el) => !(el.tagName === "LI" && el.querySelector(":scope > :is(h3, h4, p)")))
      .map((el) => {
        const text = el.tagName === "IMG" ? (el as HTMLImageElement).alt : (el as HTMLElement).innerText;
        const heading = /^(H\d|DT)$/.test(el.tagName) || (el.tagName === "LI" && el.closest("nav") !== null);
        return heading ? { heading: text } : text;
      }),
  );
}

/**
 * Where a line inside a region in Leichter Sprache ends in a hyphen or breaks a word: each character's box,
 * in the paragraphs, list items, headings and the word list, compared with the next one's. A break between
 * two letters is a word split (also one the browser hyphenated by itself: its hyphen is not in the text).
 */
export async function brokenWords(page: Page): Promise<string[]> {
  return page.locator("[data-leichte-sprache] :is(h1, h2, h3, h4, p, li, dt, dd)").evaluateAll((els) => {
    const problems: string[] = [];
    for (const el of els) {
      if (el.tagName === "LI" && el.querySelector(":scope > :is(h3, h4, p)")) continue;
      const chars: { ch: string; top: number; height: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (let i = 0; i < text.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getClientRects()[0];
          // Collapsed white space has no box: it counts as a space between words.
          chars.push(
            box && box.width > 0
              ? { ch: text[i]!, top: box.top, height: box.height }
              : { ch: " ", top: NaN, height: 0 },
          );
        }
      }
      for (let i = 1; i < chars.length; i += 1) {
        const [a, b] = [chars[i - 1]!, chars[i]!];
        if (/\s/.test(a.ch) || /\s/.test(b.ch)) continue;
        if (b.top - a.top < Math.min(a.height, b.height) / 2) continue;
        // An e-mail or web address may break after its "@", a dot or a slash: it is no word.
        if (/[@./]/.test(a.ch)) continue;
        const around = chars
          .slice(Math.max(0, i - 20), i + 20)
          .map((c) => c.ch)
          .join("");
        problems.push(
          a.ch === "-" ? `line ends in a hyphen: "${around}"` : `word broken at the line's end: "${around}"`,
        );
      }
    }
    return problems;
  });
}

/**
 * Type sizes inside every region in Leichter Sprache: each heading's size against the text's (21 px), and the
 * line height of the text as a multiple of its size.
 */
export async function easyTypeSizes(page: Page) {
  return page.locator("[data-leichte-sprache]").evaluateAll((regions) =>
    regions.flatMap((region) => {
      const text = region.querySelector(".kern-body--large");
      if (!text) return [];
      const style = getComputedStyle(text);
      const size = parseFloat(style.fontSize);
      return [
        {
          text: size,
          lineHeight: parseFloat(style.lineHeight) / size,
          headings: [...region.querySelectorAll("h1, h2, h3, h4")].map((h) => ({
            heading: (h as HTMLElement).innerText,
            size: parseFloat(getComputedStyle(h).fontSize),
          })),
        },
      ];
    }),
  );
}
