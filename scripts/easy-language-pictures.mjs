// The pictures of /leichte-sprache: screenshots of the controls a reader needs, taken from the running app
// at phone width and twice the pixel density, written to public/leichte-sprache/ (lib/easy-language/pictures.ts
// names them, with their alternative texts). Take them again whenever one of these controls changes; the
// browser test fails when a control of a picture is no longer on its page.
//
// Usage: node scripts/easy-language-pictures.mjs <baseUrl>
// Run it against a server with a scratch database: it creates and submits one assessment.
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";

const base = process.argv[2];
if (!base) {
  console.error("Usage: node scripts/easy-language-pictures.mjs <baseUrl>");
  process.exit(2);
}
const OUT = path.join("public", "leichte-sprache");
const PAD = 8;
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const context = await browser.newContext({
  viewport: { width: 360, height: 800 },
  deviceScaleFactor: 2,
  locale: "de-DE",
});
const page = await context.newPage();

/** A screenshot of an element with a margin around it; prints the size in CSS pixels for pictures.ts. */
async function shoot(locator, file, { pad = PAD, fullWidth = false } = {}) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${file}: element not visible`);
  const clip = fullWidth
    ? { x: 0, y: Math.max(0, box.y), width: Math.floor(box.width), height: Math.ceil(box.height) }
    : {
        x: Math.max(0, Math.floor(box.x - pad)),
        y: Math.max(0, Math.floor(box.y - pad)),
        width: Math.ceil(box.width + 2 * pad),
        height: Math.ceil(box.height + 2 * pad),
      };
  await page.screenshot({ path: path.join(OUT, file), clip, animations: "disabled", caret: "hide" });
  console.log(`${file}: width ${clip.width}, height ${clip.height}`);
}

// The header with the link to Leichte Sprache, and the start button, on the start page.
await page.goto(`${base}/`, { waitUntil: "load" });
await shoot(page.locator("header.site-header"), "kopfzeile.png", { fullWidth: true });
await shoot(page.getByRole("link", { name: "Digitalcheck starten" }), "start-knopf.png");

// A submitted assessment, for the switch of the results page and the PDF button of the result in Leichter Sprache.
const api = context.request;
const created = await api.post(`${base}/api/assessments`, {
  data: { municipality: { name: "Bildstadt", state: "DE-BY", population: 12850 }, respondentRole: "mayor" },
});
if (created.status() !== 201) throw new Error(`create: ${created.status()} ${await created.text()}`);
const { token } = await created.json();
const reference = await (await api.get(`${base}/api/reference/2020`)).json();
const answers = Object.fromEntries(
  reference.questions.map((q) => [
    q.id,
    q.type === "single" ? q.options[0].id : [q.options.find((o) => !o.exclusive).id],
  ]),
);
const put = await api.put(`${base}/api/assessments/${token}/answers`, { data: { version: 1, answers } });
if (put.status() !== 200) throw new Error(`answers: ${put.status()} ${await put.text()}`);
const submit = await api.post(`${base}/api/assessments/${token}/submit`);
if (submit.status() !== 200) throw new Error(`submit: ${submit.status()} ${await submit.text()}`);

await page.goto(`${base}/a/${token}/ergebnis`, { waitUntil: "load" });
await shoot(page.getByRole("navigation", { name: "Ansicht des Ergebnisses" }), "ansicht-knoepfe.png");
await page.goto(`${base}/a/${token}/ergebnis?leichteSprache=ja`, { waitUntil: "load" });
await shoot(page.getByRole("link", { name: "PDF-Datei speichern" }), "pdf-knopf.png");

await browser.close();
