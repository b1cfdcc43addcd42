// Dev tool: screenshots of pages at phone and desktop width, for looking at what we built.
// Usage: node scripts/screenshot.mjs <baseUrl> <outDir> <path> [<path> …]
// Long pages are saved as several PNGs of at most 1,600 px height (…-part1.png, …).
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const [base, out, ...paths] = process.argv.slice(2);
const SLICE = 1600;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
for (const width of [360, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 800 }, locale: "de-DE" });
  for (const p of paths) {
    await page.goto(base + p, { waitUntil: "load" });
    await page.waitForTimeout(800);
    // Scroll through the page as a reader would, so that lazily drawn charts are drawn.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 250));
      }
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(300);
    const name = (p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home").slice(-40);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, part = 1; y < height; y += SLICE, part += 1) {
      await page.screenshot({
        path: `${out}/${name}-${width}-part${part}.png`,
        fullPage: true,
        clip: { x: 0, y, width, height: Math.min(SLICE, height - y) },
      });
    }
  }
  await page.close();
}
await browser.close();
