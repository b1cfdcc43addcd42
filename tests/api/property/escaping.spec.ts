import { writeFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../../support/test";
import {
  createAssessment,
  createSubmittedAssessment,
  createVerifiedSubmission,
  insertTestCodes,
  KNOWN_ANSWERS,
  registerCell,
} from "../../support/fixtures";
import { readPdf } from "../../support/pdf";

/*
 * Stored XSS and injection through the municipality name, the one free text a user enters.
 * Peer cell: Bremen (DE-HB) × Großstädte (gte_100000) is used by no other test (grep tests/ for DE-HB):
 * the five payload municipalities below are its only members. Re-running the setup adds nobody, because a
 * municipality (same name, same state) counts once, with its latest submission.
 */
const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  "</title><svg onload=alert(1)>",
  '\'; DROP TABLE "Assessment"; --',
] as const;

/** Markup that must never reach a page unescaped. */
const RAW_MARKUP = ["<script>alert", "<img src=x", "<svg onload", "</title><svg"];
/** Fragments of the payloads; the peer exports must contain none of them. */
const FRAGMENTS = [
  "alert(1)",
  "onerror",
  "onload=",
  "HYPERLINK",
  "http://x",
  "DROP TABLE",
  "<script",
  "<img",
  "<svg",
  "Assessment",
];
/** The same for an HTML page, which has script and img elements of its own. */
const PAGE_FRAGMENTS = ["alert(1)", "onerror=", "onload=", "HYPERLINK", "http://x", "DROP TABLE"];

const CELL = { state: "DE-HB", sizeClass: "gte_100000" };
const profile = (name: string, i: number) => ({
  municipality: { name, state: CELL.state, population: 120_000 + i },
  respondentRole: "mayor",
});

/** How React writes text into HTML. */
const htmlEscaped = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const compact = (s: string) => s.replace(/\s+/g, "");

async function submittedPayloads(request: APIRequestContext) {
  const tokens: string[] = [];
  for (const [i, name] of PAYLOADS.entries())
    tokens.push((await createSubmittedAssessment(request, KNOWN_ANSWERS, profile(name, i))).token);
  return tokens;
}

async function expectEscapedHtml(request: APIRequestContext, path: string, payload: string) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  const html = await res.text();
  for (const raw of RAW_MARKUP) expect(html, `${path} contains "${raw}" unescaped`).not.toContain(raw);
  expect(html, `${path} shows the name as escaped text`).toContain(htmlEscaped(payload));
}

/** In the browser: the name is text (in the h1), no element was injected, no dialog opened. */
async function expectInertInBrowser(page: Page, path: string, payload: string, heading: string) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${heading}${payload}`);
  expect(await page.locator('img[src="x"], svg[onload], img[onerror]').count(), `${path}: injected elements`).toBe(0);
  expect(
    await page
      .locator("script:not([src])")
      .evaluateAll(
        (els) =>
          els.filter((e) => e.textContent?.includes("alert(1)") && !e.textContent.includes("self.__next_f")).length,
      ),
  ).toBe(0);
  await page.waitForTimeout(100);
  expect(dialogs, `${path}: dialogs`).toEqual([]);
}

test("the overview, step, review, results and peer pages show the name only as escaped text", async ({
  request,
  page,
}) => {
  const tokens = await submittedPayloads(request);
  for (const [i, payload] of PAYLOADS.entries()) {
    const token = tokens[i]!;
    const draft = (await createAssessment(request, profile(payload, i))).token;
    await test.step(payload, async () => {
      for (const path of [
        `/a/${token}`,
        `/a/${token}/ergebnis`,
        `/a/${token}/vergleich`,
        `/a/${draft}`,
        `/a/${draft}/schritt/1`,
        `/a/${draft}/pruefen`,
      ]) {
        await expectEscapedHtml(request, path, payload);
      }
      await expectInertInBrowser(page, `/a/${token}`, payload, "Digitalcheck ");
      await expectInertInBrowser(page, `/a/${token}/ergebnis`, payload, "Ergebnis: Digitalcheck ");
    });
  }
});

test("the JSON API and the JSON export return the name as a plain string", async ({ request }) => {
  const tokens = await submittedPayloads(request);
  for (const [i, payload] of PAYLOADS.entries()) {
    const token = tokens[i]!;
    const got = await request.get(`/api/assessments/${token}`);
    expect(got.headers()["content-type"]).toContain("application/json");
    expect((await got.json()).municipality.name).toBe(payload);
    const exported = await request.get(`/api/assessments/${token}/export`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-type"]).toContain("application/json");
    expect(exported.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(exported.headers()["x-content-type-options"]).toBe("nosniff");
    const data = await exported.json();
    expect(data.assessment.municipality.name).toBe(payload);
    expect(typeof data.assessment.municipality.name).toBe("string");
  }
});

test("the peer CSV and JSON contain figures only, never a municipality name", async ({ request }) => {
  // The payload municipalities are unverified and never count; five verified ones make the cell's release.
  await submittedPayloads(request);
  const cell = registerCell("DE-ST", "5000_19999", 5);
  const codes = await insertTestCodes(cell.map((r) => r.key));
  for (const m of cell) await createVerifiedSubmission(request, codes.get(m.key)!);
  const query = "state=DE-ST&sizeClass=5000_19999";
  const csv = await request.get(`/api/peers/csv?${query}`);
  expect(csv.status()).toBe(200);
  const text = (await csv.body()).toString("utf8").replace(/^\uFEFF/, "");
  const rows = text
    .trim()
    .split("\r\n")
    .map((l) => l.split(";"));
  expect(rows, "the five verified municipalities are compared (not suppressed)").toContainEqual([
    "Vergleichskommunen",
    "5",
  ]);
  for (const payload of PAYLOADS) expect(text).not.toContain(payload);
  for (const m of cell) expect(text).not.toContain(m.nameShort);
  for (const fragment of FRAGMENTS) expect(text, `CSV contains "${fragment}"`).not.toContain(fragment);
  // No cell starts a formula in Excel.
  for (const cell of rows.flat()) expect(cell.replace(/^"/, ""), `CSV cell ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
  const json = await request.get(`/api/peers?${query}`);
  const body = await json.json();
  expect(body.count).toBe(5);
  for (const fragment of FRAGMENTS)
    expect(JSON.stringify(body), `peer JSON contains "${fragment}"`).not.toContain(fragment);
  const page = await (await request.get(`/vergleich?${query}`)).text();
  for (const fragment of PAGE_FRAGMENTS) expect(page, `/vergleich contains "${fragment}"`).not.toContain(fragment);
});

test("the PDF report shows the name as literal text", async ({ request }, testInfo) => {
  const tokens = await submittedPayloads(request);
  for (const [i, payload] of PAYLOADS.entries()) {
    const res = await request.get(`/api/assessments/${tokens[i]}/report.pdf`);
    expect(res.status(), payload).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    // The file name header stays one header with one quoted ASCII name (no quotes or line breaks from the name).
    expect(res.headers()["content-disposition"]).toMatch(
      /^attachment; filename="[^"\\\r\n]*"; filename\*=UTF-8''[^\s"]+$/,
    );
    const body = await res.body();
    writeFileSync(testInfo.outputPath(`payload-${i}.pdf`), body);
    const pdf = await readPdf(body);
    const text = pdf.text;
    // The report prints the typographic apostrophe (’) for an ASCII one (see report-model.ts).
    const shown = payload.replace(/'/g, "\u2019");
    expect.soft(compact(text), `the PDF's text shows ${payload}`).toContain(compact(`Digitalcheck ${shown}`));
    expect.soft(compact(pdf.info.Title), "document title").toContain(compact(shown));
  }
  // An ordinary name with an apostrophe, rendered after the payloads above: every character stays text.
  const name = `Rhein'sche Gemeinde ${Date.now().toString(36)}`;
  const { token } = await createAssessment(request, profile(name, 0));
  const body = await (await request.get(`/api/assessments/${token}/report.pdf`)).body();
  writeFileSync(testInfo.outputPath("apostrophe.pdf"), body);
  expect((await readPdf(body)).text).toContain(`Digitalcheck ${name.replace(/'/g, "\u2019")}`);
});
