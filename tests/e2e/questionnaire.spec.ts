import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { reference, STEPS, TOTAL_STEPS } from "../../lib/survey/reference";
import { uniqueName } from "../support/fixtures";

/** Fails on any WCAG 2.1 A/AA violation that axe finds on the current page. */
async function expectAccessible(page: Page) {
  // After a client-side navigation the title follows the content a moment later; axe checks it too.
  await expect(page).toHaveTitle(/Kommunaler Digitalcheck$/);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function fillProfile(page: Page, name: string) {
  await page.goto("/start");
  await page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" }).fill(name);
  await page.getByLabel("Bundesland").selectOption({ label: "Sachsen" });
  await page.getByLabel("Einwohnerzahl").fill("18462");
  await expect(
    page.getByText("Größenklasse: Kleinstadt (5.000 bis 19.999 Einwohnerinnen und Einwohner)"),
  ).toBeVisible();
  await page.getByLabel("Amtlicher Schlüssel").fill("14627060");
  await page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }).check();
  await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
  await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();
  const link = await page.getByLabel("Ihr persönlicher Link").inputValue();
  expect(link).toMatch(/\/a\/[A-Za-z0-9_-]{43}$/);
  return link;
}

/** Answers every question of the current step with its first option (multi: first non-exclusive one). */
async function answerStep(page: Page, stepIndex: number) {
  for (const q of STEPS[stepIndex]!.questions) {
    const group = page.getByRole("group", { name: q.text });
    const option = q.type === "single" ? q.options[0]! : q.options.find((o) => !o.exclusive)!;
    await group.getByLabel(option.label, { exact: true }).check();
  }
  await expect(page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();
}

test("a mayor fills in the whole questionnaire and submits it", async ({ page }) => {
  const name = uniqueName("Großenhain");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wie digital ist Ihre Kommune?");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Digitalcheck starten" }).click();
  await expect(page).toHaveURL(/\/start$/);
  await expectAccessible(page);
  await fillProfile(page, name);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Mit der ersten Frage beginnen" }).click();
  for (let i = 0; i < STEPS.length; i += 1) {
    await expect(page.getByText(`Schritt ${i + 1} von ${TOTAL_STEPS}`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(STEPS[i]!.topic.title);
    await answerStep(page, i);
    if (i === 0) await expectAccessible(page);
    await page
      .getByRole("button", { name: i === STEPS.length - 1 ? "Weiter zur Prüfung" : "Weiter", exact: true })
      .click();
  }
  await expect(page.getByText(`Schritt ${TOTAL_STEPS} von ${TOTAL_STEPS}`)).toBeVisible();
  await expect(page.getByText("Alle Fragen sind beantwortet")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Selbsteinschätzung absenden" }).click();

  await expect(page.getByText("Vielen Dank! Ihre Selbsteinschätzung ist abgeschlossen.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ihre Antworten" })).toBeVisible();
  // Read-only: the first answer of each step is listed, no form fields remain.
  await expect(page.getByText(reference.questions[0]!.text)).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expectAccessible(page);

  // Reopen for editing.
  await page.getByRole("button", { name: "Zur Bearbeitung wieder öffnen" }).click();
  await expect(page.getByText(`Schritt 1 von ${TOTAL_STEPS}`)).toBeVisible();
  const first = STEPS[0]!.questions[0]!;
  await expect(
    page.getByRole("group", { name: first.text }).getByLabel(first.options[0]!.label, { exact: true }),
  ).toBeChecked();
});

test("closing the page halfway and resuming from the link keeps every answer", async ({ page, context, browser }) => {
  const link = await fillProfile(page, uniqueName());
  await page.goto(link.replace(/^https?:\/\/[^/]+/, "") + "/schritt/1");
  await answerStep(page, 0);
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  const q = STEPS[1]!.questions[0]!;
  await page.getByRole("group", { name: q.text }).getByLabel(q.options[1]!.label, { exact: true }).check();
  await expect(page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();
  await context.close();

  // A colleague opens the link in a fresh browser context.
  const colleague = await browser.newContext({ locale: "de-DE" });
  const page2 = await colleague.newPage();
  await page2.goto(new URL(link).pathname);
  const answered = STEPS[0]!.questions.length + 1;
  await expect(page2.getByText(`${answered} von ${reference.questions.length} Fragen beantwortet.`)).toBeVisible();
  await page2.getByRole("link", { name: "Weiter ausfüllen" }).click();
  await expect(page2.getByText(`Schritt 2 von ${TOTAL_STEPS}`)).toBeVisible();
  await expect(
    page2.getByRole("group", { name: q.text }).getByLabel(q.options[1]!.label, { exact: true }),
  ).toBeChecked();
  await colleague.close();
});

test("an incomplete step shows the messages next to the fields and in a summary", async ({ page }) => {
  const link = await fillProfile(page, uniqueName());
  await page.goto(new URL(link).pathname + "/schritt/1");
  const [answered, ...open] = STEPS[0]!.questions;
  await page
    .getByRole("group", { name: answered!.text })
    .getByLabel(answered!.options[0]!.label, { exact: true })
    .check();
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link")).toHaveCount(open.length);
  await expect(summary).toBeFocused();
  for (const q of open) {
    const group = page.getByRole("group", { name: q.text });
    await expect(group).toHaveAttribute("aria-invalid", "true");
    await expect(group.getByText(/Bitte (wählen|beantworten)/)).toBeVisible();
  }
  await expect(page).toHaveURL(/\/schritt\/1$/);
  await expectAccessible(page);
});

test("the profile form names every invalid field", async ({ page }) => {
  await page.goto("/start");
  await page.getByLabel("Einwohnerzahl").fill("null");
  await page.getByLabel("Bundesland").selectOption({ label: "Bayern" });
  await page.getByLabel("Amtlicher Schlüssel").fill("14627060");
  await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" });
  await expect(summary).toBeVisible();
  await expect(summary.getByText("Bitte geben Sie den Namen Ihrer Kommune an.")).toBeVisible();
  await expect(
    summary.getByText("Dieser Schlüssel gehört zu einem anderen Bundesland", { exact: false }),
  ).toBeVisible();
  await expect(summary.getByText("Bitte wählen Sie Ihre Funktion aus.")).toBeVisible();
  await expect(page.getByLabel("Einwohnerzahl")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/start$/);
  await expectAccessible(page);
});

test("an unknown link shows a friendly German 404 page", async ({ page }) => {
  const res = await page.goto(`/a/${"x".repeat(43)}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
  await expect(page.getByText("prüfen Sie bitte, ob er vollständig kopiert wurde")).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the profile and a step can be completed with plain form posts", async ({ page }) => {
    await page.goto("/start");
    await page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" }).fill(uniqueName("Ohne-JS-Stadt"));
    await page.getByLabel("Bundesland").selectOption({ label: "Bremen" });
    await page.getByLabel("Einwohnerzahl").fill("4000");
    await page.getByRole("radio", { name: "Andere Funktion in der Verwaltung" }).check();
    await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
    await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();
    await page.getByRole("link", { name: "Mit der ersten Frage beginnen" }).click();

    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(
      page
        .getByText("Bitte beantworten Sie alle Fragen dieses Schritts.")
        .or(page.getByText("Bitte prüfen Sie Ihre Angaben")),
    ).toBeVisible();
    for (const q of STEPS[0]!.questions) {
      const option = q.type === "single" ? q.options[0]! : q.options.find((o) => !o.exclusive)!;
      await page.getByRole("group", { name: q.text }).getByLabel(option.label, { exact: true }).check();
    }
    await page.getByRole("button", { name: "Weiter", exact: true }).click();
    await expect(page.getByText(`Schritt 2 von ${TOTAL_STEPS}`)).toBeVisible();
  });
});
