import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { backdateAssessment, createSubmittedAssessment } from "../support/fixtures";
import { reference } from "../../lib/survey/reference";
import { berlinYear } from "../../lib/format/calendar";

// Issue 19: a mayor repeats the check a year later, changes two answers, sets three targets, submits and
// sees the progress and the Maßnahmenplan.

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const question = (id: string) => reference.questions.find((q) => q.id === id)!;
const year = berlinYear();

test("next year's assessment: pre-filled, two answers changed, three targets, progress and plan", async ({
  page,
  request,
}) => {
  const { id, token } = await createSubmittedAssessment(request);
  // A year later: the first one was made in November of last year.
  await backdateAssessment(id, new Date(`${year - 1}-11-20T10:00:00Z`));
  await page.goto(`/a/${token}`);
  await page.getByRole("button", { name: "Neue Selbsteinschätzung beginnen" }).click();
  await expect(page.getByText("Ihre neue Selbsteinschätzung ist angelegt")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Frühere Jahre" })).toBeVisible();

  // The processes step: the answers are taken over and marked until changed.
  await page.goto(`/a/${token}/schritt/5`);
  const eFile = page.getByRole("group", { name: question("e_file").text });
  await expect(eFile.getByText(`aus ${year - 1} übernommen`)).toBeVisible();
  await expect(eFile.getByLabel("Geplant oder in Diskussion", { exact: true })).toBeChecked();
  await eFile.getByLabel("Ja, im Einsatz", { exact: true }).check();
  await expect(eFile.getByText(`aus ${year - 1} übernommen`)).toHaveCount(0);
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  await expect(page).toHaveURL(/\/schritt\/6$/);
  await page
    .getByRole("group", { name: question("citizen_app").text })
    .getByLabel("Geplant oder in Diskussion", { exact: true })
    .check();
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  await expect(page).toHaveURL(/\/schritt\/7$/);

  // Three targets.
  await page.goto(`/a/${token}/ziele`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ziele und Maßnahmenplan");
  const set = async (id: string, option: string, until: number, who: string) => {
    await page.locator(`#ziel-${id}`).selectOption({ label: option });
    await page.locator(`#jahr-${id}`).selectOption(String(until));
    await page.locator(`#verantwortlich-${id}`).fill(who);
  };
  await set("e_payment", "Ja, im Einsatz", year + 1, "Kämmerei");
  await set("citizen_app", "Ja, im Einsatz", year + 2, "Bürgerservice");
  await set(
    "digital_strategy",
    question("digital_strategy").options.find((o) => o.id === "central")!.label,
    year + 1,
    "Hauptamt",
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ziele speichern" }).click();
  await expect(page.getByText("Ihre Ziele sind gespeichert")).toBeVisible();

  // Submit, then the results page shows the change and the plan.
  await page.goto(`/a/${token}/pruefen`);
  await page.getByRole("button", { name: "Selbsteinschätzung absenden" }).click();
  await expect(page.getByText("Vielen Dank! Ihre Selbsteinschätzung ist abgeschlossen.")).toBeVisible();
  await page.goto(`/a/${token}/ergebnis`);
  await expect(page.getByRole("heading", { name: `Entwicklung seit ${year - 1}` })).toBeVisible();
  await expect(
    page.getByText(`${year - 1} „Geplant oder in Diskussion“ → ${year} „Ja, im Einsatz“ (Fortschritt)`),
  ).toBeVisible();
  await expect(page.getByText("Bürger-App:")).toBeVisible();
  const plan = page.getByRole("table", { name: "Maßnahmenplan" });
  await expect(plan.getByRole("row")).toHaveCount(4);
  await expect(plan.getByRole("row").nth(1)).toContainText("offen");
  await expect(plan).toContainText("Kämmerei");
  await expect(page.getByRole("img", { name: /Netzdiagramm der fünf Dimensionen: .*Ziel/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Liniendiagramm: Reifegrad/ })).toBeVisible();
  await expectAccessible(page);
});

test("a draft follow-up cannot be started twice; deleting the newest year opens the year before", async ({
  page,
  request,
}) => {
  const { token } = await createSubmittedAssessment(request);
  await page.goto(`/a/${token}`);
  await page.getByRole("button", { name: "Neue Selbsteinschätzung beginnen" }).click();
  await expect(page.getByText("Ihre neue Selbsteinschätzung ist angelegt")).toBeVisible();
  await expect(page.getByRole("button", { name: "Neue Selbsteinschätzung beginnen" })).toHaveCount(0);

  await page.getByRole("radio", { name: /^Nur die neueste Selbsteinschätzung/ }).check();
  await page.getByLabel("Ja, die gewählten Daten endgültig löschen").check();
  await page.getByRole("button", { name: "Daten löschen" }).click();
  await expect(page.getByText("Die neueste Selbsteinschätzung wurde gelöscht")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ihre Antworten" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Frühere Jahre" })).toHaveCount(0);
});
