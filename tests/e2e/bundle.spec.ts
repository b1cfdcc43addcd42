import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { createSubmittedAssessment } from "../support/fixtures";

// "radialLinear" is the id of Chart.js's radar scale: a string every Chart.js build contains.
const CHART_JS_MARKER = "radialLinear";

async function loadedScripts(page: Page, path: string) {
  const scripts: { url: string; body: string }[] = [];
  page.on("response", async (res) => {
    if (res.request().resourceType() === "script") scripts.push({ url: res.url(), body: await res.text() });
  });
  await page.goto(path, { waitUntil: "load" });
  await page.waitForTimeout(500);
  return scripts;
}

test.describe("bundle", () => {
  test("the questionnaire's JavaScript does not contain Chart.js; the results page's does", async ({ page, request }) => {
    const { token } = await createSubmittedAssessment(request);
    await request.post(`/api/assessments/${token}/reopen`);
    const step = await loadedScripts(page, `/a/${token}/schritt/1`);
    expect(step.length).toBeGreaterThan(0);
    expect(step.filter((s) => s.body.includes(CHART_JS_MARKER)).map((s) => s.url)).toEqual([]);
    const results = await loadedScripts(page, `/a/${token}/ergebnis`);
    expect(results.some((s) => s.body.includes(CHART_JS_MARKER))).toBe(true);
  });
});
