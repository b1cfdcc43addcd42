import { gzipSync } from "node:zlib";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { createSubmittedAssessment } from "../support/fixtures";

// "radialLinear" is the id of Chart.js's radar scale: a string every Chart.js build contains.
const CHART_JS_MARKER = "radialLinear";
// zod's core names its schema classes at run time: every zod build contains "$ZodObject".
const ZOD_MARKER = "$ZodObject";
// The questionnaire's first load on a phone (docs/benchmarks.md): all its scripts, each gzipped at the default level.
const QUESTIONNAIRE_BUDGET_KB = 150;

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
  test("the questionnaire's JavaScript does not contain Chart.js; the results page loads it for its charts", async ({
    page,
    request,
  }) => {
    const { token } = await createSubmittedAssessment(request);
    await request.post(`/api/assessments/${token}/reopen`);
    const step = await loadedScripts(page, `/a/${token}/schritt/1`);
    expect(step.length).toBeGreaterThan(0);
    expect(step.filter((s) => s.body.includes(CHART_JS_MARKER)).map((s) => s.url)).toEqual([]);
    // On the results page Chart.js arrives after the first load, when the radar chart comes near the viewport.
    const results = await loadedScripts(page, `/a/${token}/ergebnis`);
    const radar = page.getByRole("img", { name: /^Netzdiagramm/ });
    await radar.scrollIntoViewIfNeeded();
    await expect(radar.locator("canvas")).toHaveCount(1);
    await expect.poll(() => results.some((s) => s.body.includes(CHART_JS_MARKER))).toBe(true);
  });

  test("a questionnaire step loads zod only when the form is used; the step's validation still works", async ({
    page,
    request,
  }) => {
    const created = await (
      await request.post("/api/assessments", {
        data: { municipality: { name: "Bündelstadt", state: "DE-HE", population: 8000 }, respondentRole: "other" },
      })
    ).json();
    const step = await loadedScripts(page, `/a/${created.token}/schritt/1`);
    expect(step.filter((s) => s.body.includes(ZOD_MARKER)).map((s) => s.url)).toEqual([]);
    const zodLoaded = page.waitForResponse(
      async (res) => res.request().resourceType() === "script" && (await res.text()).includes(ZOD_MARKER),
    );
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await zodLoaded;
    await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/a/${created.token}/schritt/1$`));
  });

  test("a questionnaire step's first load stays within its budget of scripts, and the step still saves and checks", async ({
    page,
    request,
  }) => {
    const created = await (
      await request.post("/api/assessments", {
        data: { municipality: { name: "Budgetstadt", state: "DE-SN", population: 6000 }, respondentRole: "other" },
      })
    ).json();
    const step = await loadedScripts(page, `/a/${created.token}/schritt/1`);
    const gzipKb = step.reduce((n, s) => n + gzipSync(Buffer.from(s.body)).length, 0) / 1024;
    expect(gzipKb, step.map((s) => s.url).join("\n")).toBeLessThan(QUESTIONNAIRE_BUDGET_KB);
    // What the light form still does: a tick is saved at once, and "Weiter" checks the step.
    await page
      .getByRole("group", { name: /Corona-Krise die Digitalisierung/ })
      .getByRole("radio", { name: "Ja", exact: true })
      .check();
    await expect(page.getByRole("status")).toContainText("Alle Antworten gespeichert");
    await page.getByRole("checkbox", { name: "Die Finanzsituation" }).check();
    await expect
      .poll(async () => (await (await request.get(`/api/assessments/${created.token}`)).json()).answers)
      .toEqual({ crisis_drives_digitalisation: expect.any(String), biggest_challenges: [expect.any(String)] });
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" })).toBeVisible();
  });

  test("opening a page sends no requests for pages nobody has asked for; a link still navigates", async ({
    page,
    request,
  }) => {
    const { token } = await createSubmittedAssessment(request);
    const pageRequests: string[] = [];
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (
        !url.pathname.startsWith("/_next/static/") &&
        !url.pathname.startsWith("/fonts/") &&
        url.pathname !== "/favicon.ico" &&
        // The favicon, served by the app itself (app/icon.svg).
        !url.pathname.startsWith("/icon")
      )
        pageRequests.push(`${url.pathname}${url.search}`);
    });
    for (const path of ["/", `/a/${token}`, `/a/${token}/ergebnis`]) {
      pageRequests.length = 0;
      await page.goto(path, { waitUntil: "load" });
      // Next prefetches links in the viewport once the page is idle: give it that time.
      await page.waitForTimeout(1500);
      expect(pageRequests, path).toEqual([path]);
    }
    // The links navigate on click (client-side, without a prefetch beforehand).
    await page.getByRole("link", { name: "So rechnen wir" }).click();
    await expect(page).toHaveURL(/\/methodik#index$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
