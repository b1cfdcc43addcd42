import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { expectAccessible } from "../support/axe";
import { STEPS, TOTAL_STEPS } from "../../lib/survey/reference";
import { berlinYear } from "../../lib/format/calendar";
import {
  backdateAssessment,
  createAssessment,
  createSubmittedAssessment,
  KNOWN_ANSWERS,
  validProfile,
  uniqueName,
} from "../support/fixtures";
import { chartTextProblems, drawAllCharts, recordChartText } from "../support/chart-text";

/**
 * The mayor's path, the smaller stumbles: earlier years open read only, chart labels readable on a phone, the
 * edit link shown whole, one step count, a link to an open question lands on it, no-break spaces before "%".
 */

/** A chain of two years: last year's assessment (E-Akte in use) and this year's (E-Akte planned), both submitted. */
async function twoYears(request: APIRequestContext, prefix: string) {
  const first = await createSubmittedAssessment(
    request,
    { ...KNOWN_ANSWERS, e_file: "in_use" },
    validProfile(uniqueName(prefix)),
  );
  const lastYear = berlinYear() - 1;
  await backdateAssessment(first.id, new Date(`${lastYear}-05-12T10:00:00Z`));
  const res = await request.post(`/api/assessments/${first.token}/follow-up`);
  expect(res.status()).toBe(201);
  const next = (await res.json()) as { id: string };
  const v = ((await (await request.get(`/api/assessments/${first.token}`)).json()) as { version: number }).version;
  expect(
    (
      await request.put(`/api/assessments/${first.token}/answers`, {
        data: { version: v, answers: { e_file: "planned" } },
      })
    ).status(),
  ).toBe(200);
  expect((await request.post(`/api/assessments/${first.token}/submit`)).status()).toBe(200);
  return { token: first.token, earlierId: first.id, newestId: next.id, lastYear };
}

test.describe("earlier years open read only", () => {
  test("from the overview and the results page, with a notice, without any form, only through its own link", async ({
    page,
    request,
  }) => {
    const { token, earlierId, newestId, lastYear } = await twoYears(request, "Frueher");
    await page.goto(`/a/${token}`);
    await page.getByRole("link", { name: new RegExp(`^${lastYear}: Reifegrad .* Punkte, abgeschlossen am`) }).click();
    await expect(page).toHaveURL(new RegExp(`/a/${token}/jahr/${earlierId}$`));
    await expect(page.getByText("Ältere Selbsteinschätzung, nur lesbar")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Ergebnis ${lastYear}`);
    // Its own answers (E-Akte in use then), and nothing to change or save.
    const eFile = page.locator(".answer-list > div").filter({ hasText: "elektronische Akten (E-Akte)" });
    await expect(eFile.locator("dd")).toHaveText("Ja, im Einsatz");
    await expect(page.locator("main form, main input, main select, main textarea")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /speichern|absenden|öffnen|Ändern/ })).toHaveCount(0);
    await expect(
      page.locator('main a[href*="/schritt/"], main a[href$="/ziele"], main a[href$="/pruefen"]'),
    ).toHaveCount(0);
    await expectAccessible(page);
    // Back to the newest from the list of years.
    await page.getByRole("link", { name: new RegExp(`: aktuelles Ergebnis$`) }).click();
    await expect(page).toHaveURL(new RegExp(`/a/${token}/ergebnis$`));

    // The results page links the earlier year too.
    await page.getByRole("link", { name: new RegExp(`^${lastYear}: Reifegrad .* Punkte \\(nur lesbar\\)$`) }).click();
    await expect(page).toHaveURL(new RegExp(`/jahr/${earlierId}$`));

    // A link opens only its own chain's years: the newest is its results page, another chain's year is not found.
    const other = await twoYears(request, "Fremd");
    expect((await request.get(`/a/${token}/jahr/${other.earlierId}`)).status()).toBe(404);
    expect((await request.get(`/a/${other.token}/jahr/${earlierId}`)).status()).toBe(404);
    expect((await request.get(`/a/${token}/jahr/nicht-da`)).status()).toBe(404);
    const newest = await request.get(`/a/${token}/jahr/${newestId}`, { maxRedirects: 0 });
    expect(newest.status()).toBe(307);
    expect(newest.headers()["location"]).toMatch(new RegExp(`/a/${token}/ergebnis$`));
  });
});

test("chart labels on the results page stand level, whole and apart", async ({ page, request }) => {
  await recordChartText(page);
  const { token } = await twoYears(request, "Diagramme");
  await page.goto(`/a/${token}/ergebnis`);
  // The distribution per question, the radar and the years' line chart.
  expect(await drawAllCharts(page)).toBeGreaterThan(STEPS.flatMap((s) => s.questions).length);
  expect(await chartTextProblems(page)).toEqual([]);
});

test("the edit link is shown whole and its copy button copies it", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { token } = await createAssessment(request, validProfile(uniqueName("Link-ganz-sichtbar")));
  await page.goto(`/a/${token}`);
  const field = page.getByLabel("Ihr persönlicher Link");
  await expect(field).toHaveValue(new RegExp(`/a/${token}$`));
  // Nothing of it is hidden: the field is as wide and as high as the link needs.
  const fits = await field.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1);
  expect(fits).toBe(true);
  const box = (await field.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.getByRole("button", { name: "Link kopieren" }).click();
  await expect(page.getByText("Der Link wurde in die Zwischenablage kopiert.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
});

test("the landing page and the questionnaire count the same steps", async ({ page, request }) => {
  await page.goto("/");
  const promised = Number(/Der Fragebogen hat (\d+) Schritte/.exec(await page.locator("main").innerText())?.[1]);
  expect(promised).toBe(TOTAL_STEPS);
  const { token } = await createAssessment(request, validProfile(uniqueName("Schritte")));
  await page.goto(`/a/${token}/schritt/1`);
  await expect(page.getByText(`Schritt 1 von ${promised}`)).toBeVisible();
  await page.goto(`/a/${token}/pruefen`);
  await expect(page.getByText(`Schritt ${promised} von ${promised}`)).toBeVisible();
});

/** Everything answered but the last question of step 6 (at the bottom of its step). */
async function oneOpenQuestion(request: APIRequestContext) {
  const open = STEPS[5]!.questions[STEPS[5]!.questions.length - 1]!;
  const { token } = await createAssessment(request, validProfile(uniqueName("Offen")));
  const answers = Object.fromEntries(Object.entries(KNOWN_ANSWERS).filter(([id]) => id !== open.id));
  expect((await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers } })).status()).toBe(
    200,
  );
  return { token, open };
}

async function expectOnQuestion(page: Page, token: string, questionId: string, text: string) {
  await expect(page).toHaveURL(new RegExp(`/a/${token}/schritt/6#frage-${questionId}$`));
  const group = page.getByRole("group", { name: text });
  await expect(group).toBeInViewport();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest("fieldset")?.id ?? null))
    .toBe(`frage-${questionId}`);
}

test("a link to an open question lands on the question and focuses it (review list and submit guard)", async ({
  page,
  request,
}) => {
  const { token, open } = await oneOpenQuestion(request);
  await page.goto(`/a/${token}/pruefen`);
  await page.getByRole("link", { name: open.text }).first().click();
  await expectOnQuestion(page, token, open.id, open.text);

  // The submit guard's list leads there as well.
  await page.goto(`/a/${token}/pruefen`);
  await page.getByRole("button", { name: "Selbsteinschätzung absenden" }).click();
  await page.getByRole("alert").getByRole("link", { name: open.text }).click();
  await expectOnQuestion(page, token, open.id, open.text);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a link to an open question lands on the question and focuses it", async ({ page, request }) => {
    const { token, open } = await oneOpenQuestion(request);
    await page.goto(`/a/${token}/pruefen`);
    await page.getByRole("link", { name: open.text }).first().click();
    await expectOnQuestion(page, token, open.id, open.text);
    // The next Tab reaches its first option.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("group", { name: open.text }).locator("input").first()).toBeFocused();
  });
});

test("number and % stay together on every page (a no-break space between them)", async ({ page, request }) => {
  const { token } = await twoYears(request, "Prozent");
  const normalSpace = /\d[ \t]%/;
  for (const path of [
    `/a/${token}/ergebnis`,
    `/a/${token}/ergebnis?leichteSprache=ja`,
    `/a/${token}/vergleich`,
    "/methodik",
    "/lagebild",
    "/vergleich",
  ]) {
    await page.goto(path);
    const text = await page.locator("main").innerText();
    expect(text.match(new RegExp(`.{0,40}${normalSpace.source}.{0,10}`, "g")) ?? [], path).toEqual([]);
  }
  // The recommendations come from the reference data: one of them with a figure, kept together.
  await page.goto(`/a/${token}/ergebnis`);
  await expect(page.locator(".recommendations")).toContainText(/\d\u00a0%/);
});
