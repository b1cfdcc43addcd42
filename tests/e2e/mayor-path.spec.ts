import { readPdf } from "../support/pdf";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { expectAccessible } from "../support/axe";
import { STEPS } from "../../lib/survey/reference";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { berlinYear } from "../../lib/format/calendar";
import {
  backdateAssessment,
  createAssessment,
  createSubmittedAssessment,
  validProfile,
  uniqueName,
} from "../support/fixtures";

/**
 * Issue 34, "the mayor's path without a stumble": answers never lost without JavaScript, Enter goes forward,
 * every save says whether it worked, Back and Forward show the stored state.
 */

async function storedAnswers(request: APIRequestContext, token: string) {
  const res = await request.get(`/api/assessments/${token}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { answers: Record<string, string | string[]>; version: number }).answers;
}

async function version(request: APIRequestContext, token: string) {
  return ((await (await request.get(`/api/assessments/${token}`)).json()) as { version: number }).version;
}

async function put(request: APIRequestContext, token: string, answers: Record<string, string | string[] | null>) {
  const res = await request.put(`/api/assessments/${token}/answers`, {
    data: { version: await version(request, token), answers },
  });
  expect(res.status()).toBe(200);
}

const group = (page: Page, stepIndex: number, i: number) =>
  page.getByRole("group", { name: STEPS[stepIndex]!.questions[i]!.text });
const option = (stepIndex: number, i: number, o: number) => STEPS[stepIndex]!.questions[i]!.options[o]!.label;

/** The first option of a question (multi: the first non-exclusive one), as the form labels it. */
function firstOption(stepIndex: number, i: number) {
  const q = STEPS[stepIndex]!.questions[i]!;
  return (q.type === "single" ? q.options[0]! : q.options.find((o) => !o.exclusive)!).label;
}

test.describe("point 1: without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("steps show the stored answers, and no post loses or removes one", async ({ page, request }) => {
    const { token } = await createAssessment(request, validProfile(uniqueName("Ohne-JS")));
    const step1 = STEPS[0]!.questions;
    const step2 = STEPS[1]!.questions;
    // Stored elsewhere: every question of step 1 but the last, and the first of step 2 ("Eher als Nachzügler").
    await put(request, token, {
      ...Object.fromEntries(
        step1
          .slice(0, -1)
          .map((q) => [q.id, q.type === "single" ? q.options[0]!.id : [q.options.find((o) => !o.exclusive)!.id]]),
      ),
      [step2[0]!.id]: step2[0]!.options[1]!.id,
    });
    const storedCount = step1.length;

    // A step shows what is stored.
    await page.goto(`/a/${token}/schritt/2`);
    await expect(group(page, 1, 0).getByLabel(option(1, 0, 1), { exact: true })).toBeChecked();

    // "Zurück" on a partly filled step keeps the stored answer and saves the new one.
    await group(page, 1, 1).getByLabel(firstOption(1, 1), { exact: true }).check();
    await page.getByRole("button", { name: "Zurück" }).click();
    await expect(page).toHaveURL(/\/schritt\/1$/);
    let stored = await storedAnswers(request, token);
    expect(stored[step2[0]!.id]).toBe(step2[0]!.options[1]!.id);
    expect(Object.keys(stored)).toHaveLength(storedCount + 1);

    // Step 1 shows its stored answers; "Weiter" names only the open question and keeps the rest ticked.
    for (let i = 0; i < step1.length - 1; i += 1)
      await expect(group(page, 0, i).getByLabel(firstOption(0, i), { exact: true })).toBeChecked();
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Frage \d+:/ })).toHaveCount(1);
    await expect(
      page.getByRole("link", { name: `Frage ${step1.length}: Bitte beantworten Sie diese Frage.` }),
    ).toBeVisible();
    for (let i = 0; i < step1.length - 1; i += 1)
      await expect(group(page, 0, i).getByLabel(firstOption(0, i), { exact: true })).toBeChecked();
    expect(Object.keys(await storedAnswers(request, token))).toHaveLength(storedCount + 1);

    // Answering only the open question is enough: the count grows by one, nothing is cleared.
    await group(page, 0, step1.length - 1)
      .getByLabel(firstOption(0, step1.length - 1), { exact: true })
      .check();
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page).toHaveURL(/\/schritt\/2$/);
    stored = await storedAnswers(request, token);
    expect(Object.keys(stored)).toHaveLength(storedCount + 2);
    // Step 2 again shows both stored answers; a multi-choice question ticked away is cleared on purpose.
    await expect(group(page, 1, 0).getByLabel(option(1, 0, 1), { exact: true })).toBeChecked();
    await expect(group(page, 1, 1).getByLabel(firstOption(1, 1), { exact: true })).toBeChecked();
    await group(page, 1, 1).getByLabel(firstOption(1, 1), { exact: true }).uncheck();
    await page.getByRole("button", { name: "Zur Übersicht – später weitermachen" }).click();
    stored = await storedAnswers(request, token);
    expect(stored[step2[1]!.id]).toBeUndefined();
    expect(stored[step2[0]!.id]).toBe(step2[0]!.options[1]!.id);
  });

  test("a step changed elsewhere meanwhile keeps what was ticked and saves it on the second try", async ({
    page,
    request,
  }) => {
    const { token } = await createAssessment(request, validProfile(uniqueName("Ohne-JS")));
    await page.goto(`/a/${token}/schritt/1`);
    for (let i = 0; i < STEPS[0]!.questions.length; i += 1)
      await group(page, 0, i).getByLabel(firstOption(0, i), { exact: true }).check();
    // Someone else saves an answer of another step in between.
    await put(request, token, { [STEPS[1]!.questions[0]!.id]: STEPS[1]!.questions[0]!.options[0]!.id });
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "inzwischen an anderer Stelle geändert" })).toBeVisible();
    for (let i = 0; i < STEPS[0]!.questions.length; i += 1)
      await expect(group(page, 0, i).getByLabel(firstOption(0, i), { exact: true })).toBeChecked();
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page).toHaveURL(/\/schritt\/2$/);
    expect(Object.keys(await storedAnswers(request, token))).toHaveLength(STEPS[0]!.questions.length + 1);
  });
});

test("point 2: Enter in a question goes forward, on every step, with the keyboard only", async ({ page, request }) => {
  const { token } = await createAssessment(request, validProfile(uniqueName("Tastatur")));
  await page.goto(`/a/${token}/schritt/1`);
  for (let s = 0; s < STEPS.length; s += 1) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(STEPS[s]!.topic.title);
    for (let i = 0; i < STEPS[s]!.questions.length; i += 1) {
      await group(page, s, i).getByLabel(firstOption(s, i), { exact: true }).focus();
      await page.keyboard.press("Space");
      await expect(group(page, s, i).getByLabel(firstOption(s, i), { exact: true })).toBeChecked();
    }
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(s + 1 < STEPS.length ? new RegExp(`/schritt/${s + 2}$`) : /\/pruefen$/);
  }
  await expect(page.getByText("Alle Fragen sind beantwortet")).toBeVisible();
});

test.describe("point 3 and 4: every save says whether it worked", () => {
  test("Back and Forward show the stored answers and the next save just works", async ({ page, request }) => {
    const { token } = await createAssessment(request, validProfile(uniqueName("Verlauf")));
    await page.goto(`/a/${token}/schritt/1`);
    for (let i = 0; i < STEPS[0]!.questions.length; i += 1)
      await group(page, 0, i).getByLabel(firstOption(0, i), { exact: true }).check();
    await expect(page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page).toHaveURL(/\/schritt\/2$/);
    await group(page, 1, 0)
      .getByLabel(option(1, 0, 1), { exact: true })
      .check();
    await expect(page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/schritt\/1$/);
    for (let i = 0; i < STEPS[0]!.questions.length; i += 1)
      await expect(group(page, 0, i).getByLabel(firstOption(0, i), { exact: true })).toBeChecked();
    await page.goForward();
    await expect(page).toHaveURL(/\/schritt\/2$/);
    await expect(group(page, 1, 0).getByLabel(option(1, 0, 1), { exact: true })).toBeChecked();
    await group(page, 1, 2).getByLabel(firstOption(1, 2), { exact: true }).check();
    await expect(page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();
    await expect(page.getByText("an anderer Stelle")).toHaveCount(0);
    await expect(page.getByText("nicht gespeichert")).toHaveCount(0);
    expect(Object.keys(await storedAnswers(request, token))).toHaveLength(STEPS[0]!.questions.length + 2);
  });

  test("a change in one's own earlier tab is taken over without alarm; a change on this step is named", async ({
    page,
    context,
    request,
  }) => {
    const { token } = await createAssessment(request, validProfile(uniqueName("Zwei Tabs")));
    const earlier = await context.newPage();
    await earlier.goto(`/a/${token}/schritt/2`);
    await page.goto(`/a/${token}/schritt/1`);
    // The earlier tab saves on its own step: the later one then saves without a word about it.
    await group(earlier, 1, 0)
      .getByLabel(option(1, 0, 1), { exact: true })
      .check();
    await expect(earlier.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();
    await group(page, 0, 0).getByLabel(firstOption(0, 0), { exact: true }).check();
    const status = page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" });
    await expect(status).toBeVisible();
    await expect(status).toBeInViewport();
    await expect(page.getByText("an anderer Stelle")).toHaveCount(0);

    // Someone changes a question this tab shows: the tab takes it over and says so beside the control.
    await put(request, token, { [STEPS[0]!.questions[1]!.id]: STEPS[0]!.questions[1]!.options[1]!.id });
    await group(page, 0, 2).getByLabel(firstOption(0, 2), { exact: true }).check();
    const notice = page.getByText("Frage 2 dieses Schritts wurde inzwischen an anderer Stelle geändert");
    await expect(notice).toBeInViewport();
    await expect(group(page, 0, 1).getByLabel(option(0, 1, 1), { exact: true })).toBeChecked();
    const stored = await storedAnswers(request, token);
    expect(stored[STEPS[0]!.questions[2]!.id]).toBe(STEPS[0]!.questions[2]!.options[0]!.id);
    expect(stored[STEPS[0]!.questions[1]!.id]).toBe(STEPS[0]!.questions[1]!.options[1]!.id);
    await expectAccessible(page);
  });

  test("a failed autosave is named in view, beside the question, and can be tried again", async ({ page, request }) => {
    const { token } = await createAssessment(request, validProfile(uniqueName("Abbruch")));
    await page.goto(`/a/${token}/schritt/1`);
    await page.route(/\/schritt\/1$/, (route) =>
      route.request().method() === "POST" ? route.abort() : route.continue(),
    );
    await group(page, 0, 0).getByLabel(firstOption(0, 0), { exact: true }).check();
    await expect(page.getByRole("status").filter({ hasText: "Nicht gespeichert." })).toBeInViewport();
    const alert = page.getByText("Ihre Antwort auf Frage 1 wurde nicht gespeichert");
    await expect(alert).toBeInViewport();
    await page.unroute(/\/schritt\/1$/);
    await page.getByRole("button", { name: "Noch einmal speichern" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();
    expect(Object.keys(await storedAnswers(request, token))).toHaveLength(1);
  });

  test("saving targets on a stale version says so, keeps the input and saves on the second try", async ({
    page,
    request,
  }) => {
    const { token } = await createSubmittedAssessment(request, undefined, validProfile(uniqueName("Ziele")));
    await page.goto(`/a/${token}/ziele`);
    const select = page.getByRole("combobox", { name: "Ziel" }).first();
    const value = await select.locator("option").nth(1).getAttribute("value");
    await select.selectOption(value!);
    await page
      .getByRole("textbox", { name: /Verantwortlich/ })
      .first()
      .fill("Hauptamt");
    // Another tab saves targets in between.
    const t = (await (await request.get(`/api/assessments/${token}/targets`)).json()) as { version: number };
    expect(
      (await request.put(`/api/assessments/${token}/targets`, { data: { version: t.version, targets: {} } })).status(),
    ).toBe(200);

    await page.getByRole("button", { name: "Ziele speichern" }).click();
    // The summary takes the focus and stands in view; the same message stands beside the button.
    const summary = page.getByRole("alert").filter({ hasText: "Ihre Ziele wurden nicht gespeichert" });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await expect(page.locator("#ziele-speichern").getByText("inzwischen an anderer Stelle geändert")).toBeVisible();
    await expect(select).toHaveValue(value!);
    await expect(page.getByRole("textbox", { name: /Verantwortlich/ }).first()).toHaveValue("Hauptamt");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Ziele speichern" }).click();
    await expect(page).toHaveURL(/\/ergebnis\?ziele=1#massnahmenplan$/);
    await expect(page.getByRole("status").filter({ hasText: "Ihre Ziele sind gespeichert" })).toBeInViewport();
    await expect(page.getByRole("cell", { name: "Hauptamt" })).toBeVisible();
  });
});

test("point 7: two assessments in one calendar year are named by month everywhere", async ({ page, request }) => {
  const year = berlinYear();
  const first = await createSubmittedAssessment(request, undefined, validProfile(uniqueName("Zweimal")));
  await backdateAssessment(first.id, new Date(`${year}-03-10T10:00:00Z`));
  const res = await request.post(`/api/assessments/${first.token}/follow-up`);
  expect(res.status()).toBe(201);
  const next = (await res.json()) as { id: string };
  await backdateAssessment(next.id, new Date(`${year}-12-01T10:00:00Z`));
  const [march, december] = [`März ${year}`, `Dezember ${year}`];

  // The overview: earlier years and the delete choice.
  await page.goto(`/a/${first.token}`);
  await expect(page.getByText(new RegExp(`^${march}: Reifegrad`))).toBeVisible();
  await expect(
    page.getByRole("radio", {
      name: `Nur die neueste Selbsteinschätzung (${december}); der Link öffnet dann wieder die von ${march}`,
    }),
  ).toBeAttached();
  await expect(page.getByRole("radio", { name: `Alle 2 Selbsteinschätzungen (${march}, ${december})` })).toBeAttached();
  await expect(page.getByRole("checkbox", { name: "Ja, die gewählten Daten endgültig löschen" })).toBeAttached();

  // A carried-over answer says from when.
  await page.goto(`/a/${first.token}/schritt/1`);
  await expect(page.getByText(`aus ${march} übernommen`).first()).toBeVisible();

  // The results page: heading, figures, table columns and the chart's data.
  await page.goto(`/a/${first.token}/ergebnis`);
  await expect(page.getByRole("heading", { name: `Entwicklung seit ${march}` })).toBeVisible();
  await expect(page.getByText(new RegExp(`Reifegrad ${march}: .* Punkte, ${december}:`))).toBeVisible();
  const dims = page.getByRole("table", { name: `Dimensionen ${march} und ${december}` });
  await expect(dims.getByRole("columnheader", { name: march })).toBeAttached();
  await expect(dims.getByRole("columnheader", { name: december })).toBeAttached();
  await expect(
    page.getByRole("img", { name: new RegExp(`^Liniendiagramm: Reifegrad ${march} .*, ${december} `) }),
  ).toBeAttached();
  await expect(page.getByText(String(year), { exact: true })).toHaveCount(0);

  // The PDF: the same names, and a file name of its own.
  const pdf = await request.get(`/api/assessments/${first.token}/report.pdf`);
  expect(pdf.status()).toBe(200);
  expect(decodeURIComponent(pdf.headers()["content-disposition"]!)).toContain(`-Dezember-${year}-Stand-`);
  const file = join(mkdtempSync(join(tmpdir(), "dc-34-")), "r.pdf");
  writeFileSync(file, await pdf.body());
  const text = (await readPdf(readFileSync(file))).text;
  expect(text).toContain(`Entwicklung seit ${march}`);
  expect(text).toContain(`Dimensionen ${march} und ${december}`);
});

test("point 8: the Maßnahmenplan is a stack of cards on a phone, every figure readable", async ({
  page,
  request,
}, testInfo) => {
  const { token } = await createSubmittedAssessment(request, undefined, validProfile(uniqueName("Plan")));
  const t = (await (await request.get(`/api/assessments/${token}/targets`)).json()) as { version: number };
  const year = berlinYear() + 2;
  const put = await request.put(`/api/assessments/${token}/targets`, {
    data: {
      version: t.version,
      targets: { e_file: { option: "in_use", year, responsible: "Hauptamt und IT-Koordination" } },
    },
  });
  expect(put.status()).toBe(200);
  await page.goto(`/a/${token}/ergebnis#massnahmenplan`);
  const plan = page.getByRole("table", { name: "Maßnahmenplan" });
  for (const text of [`Bis: ${year}`, "Verantwortlich: Hauptamt und IT-Koordination", "Stand: offen"]) {
    const cell = plan
      .locator("td")
      .filter({ hasText: String(text.split(": ")[1]) })
      .first();
    await cell.scrollIntoViewIfNeeded();
    const box = (await cell.boundingBox())!;
    // Within the page's width: nothing is cut off at the right edge.
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
  if (testInfo.project.name === "phone") {
    // Each cell names its column on the card.
    const label = await plan.locator("td[data-label='Bis']").evaluate((el) => getComputedStyle(el, "::before").content);
    expect(label).toBe('"Bis: "');
  }
  await expectAccessible(page);
});

test("point 9: the next action stands in the first screen after submitting and when resuming", async ({
  page,
  request,
}) => {
  const { token } = await createAssessment(request, validProfile(uniqueName("Weiter")));
  await put(request, token, { [STEPS[0]!.questions[0]!.id]: STEPS[0]!.questions[0]!.options[0]!.id });
  await page.goto(`/a/${token}`);
  await expect(page.getByRole("link", { name: "Weiter ausfüllen" })).toBeInViewport();

  const done = await createSubmittedAssessment(request, undefined, validProfile(uniqueName("Fertig")));
  await page.goto(`/a/${done.token}?abgeschlossen=1`);
  await expect(page.getByText("Vielen Dank! Ihre Selbsteinschätzung ist abgeschlossen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ihr Ergebnis ansehen" })).toBeInViewport();
  await expectAccessible(page);
});

test("point 10 and 11: one label for the 2020 remainder, no-break spaces before %, a favicon of the app", async ({
  page,
  request,
}) => {
  const { token } = await createSubmittedAssessment(request, undefined, validProfile(uniqueName("Rest")));
  await page.goto(`/a/${token}/ergebnis`);
  // The app's own figures: statements, positions, chart tables keep number and "%" together.
  const body = await page.locator("main").innerText();
  expect(body).toContain("erst 20\u00a0% der Kommunen");
  expect(body).not.toContain("erst 20 % der Kommunen");
  expect(body).toMatch(/vor (rund )?\d+(,\d)?\u00a0% der Kommunen/);
  expect(body).not.toMatch(/vor (rund )?\d+(,\d)? % der Kommunen/);
  await expect(page.getByText("Übrige Antworten oder keine Angabe (abgeleitet)").first()).toBeAttached();

  // The favicon comes from the app itself.
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
