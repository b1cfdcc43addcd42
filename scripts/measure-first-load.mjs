// Prints the JavaScript a browser loads on the first visit of the questionnaire step, the profile
// form and the results page (raw and gzip bytes), and whether Chart.js is among it.
// Usage: node scripts/measure-first-load.mjs [baseUrl]   (a production server must be running; default http://localhost:3000)
import { chromium } from "@playwright/test";
import { gzipSync } from "node:zlib";

const base = process.argv[2] ?? "http://localhost:3000";
const answers = {};
const ref = await (await fetch(`${base}/api/reference/2020`)).json();
for (const q of ref.questions)
  answers[q.id] = q.type === "single" ? q.options[0].id : [q.options.find((o) => !o.exclusive).id];
const created = await (
  await fetch(`${base}/api/assessments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      municipality: { name: "Messstadt", state: "DE-BY", population: 12000 },
      respondentRole: "other",
    }),
  })
).json();
await fetch(`${base}/api/assessments/${created.token}/answers`, {
  method: "PUT",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ version: 1, answers }),
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const [label, path] of [
  ["profile form /start", "/start"],
  ["questionnaire step /a/…/schritt/1", `/a/${created.token}/schritt/1`],
  ["results /a/…/ergebnis", `/a/${created.token}/ergebnis`],
]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on("response", async (res) => {
    if (res.request().resourceType() === "script") bodies.push(await res.body());
  });
  await page.goto(base + path, { waitUntil: "load" });
  await page.waitForTimeout(1000);
  const raw = bodies.reduce((n, b) => n + b.length, 0);
  const gz = bodies.reduce((n, b) => n + gzipSync(b).length, 0);
  const chart = bodies.some((b) => b.toString("utf8").includes("radialLinear"));
  console.log(
    `${label.padEnd(36)} ${String(bodies.length).padStart(2)} scripts  ${kb(raw).padStart(9)} raw  ${kb(gz).padStart(8)} gzip  Chart.js: ${chart ? "yes" : "no"}`,
  );
  await context.close();
}
await fetch(`${base}/api/assessments/${created.token}`, { method: "DELETE" });
await browser.close();
