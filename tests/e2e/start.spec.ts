import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { insertTestCodes, registerCell } from "../support/fixtures";

// The start page (docs/adr/0013-administrations-as-units.md): the letter's code alone is enough, whatever is
// typed beside it; a code whose administration already has an assessment leads back to it instead of splitting
// the years in two; a member Gemeinde's respondent is asked whom they answer for, with and without JavaScript.
// Phone and desktop each take their own units.
const OFFSET: Record<string, number> = { phone: 0, desktop: 10 };

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
}

async function startWithCode(page: Page, code: string, typedName?: string) {
  await page.goto("/start");
  await expect(page.getByText("Alle Felder außer dem AGS sind Pflichtfelder")).toHaveCount(0);
  await page.getByLabel(/^Teilnahmecode/).fill(code);
  if (typedName) await page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" }).fill(typedName);
  await page.keyboard.press("Escape");
  await page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }).check();
  await page.getByRole("button", { name: /Selbsteinschätzung anlegen|Trotzdem neu beginnen/ }).click();
}

test("the letter's code alone is enough, although a town name was typed and not picked", async ({ page }, testInfo) => {
  const [unit] = registerCell("DE-ST", "20000_99999", 1, OFFSET[testInfo.project.name]);
  const code = (await insertTestCodes([unit!.key])).get(unit!.key)!;
  await startWithCode(page, code, "Apolda");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Digitalcheck ${unit!.name}`);
  await expect(page.getByText("bestätigt – Angaben aus dem Gemeindeverzeichnis")).toBeVisible();
});

test("reusing the letter's code leads back to the existing assessment; a new one only on purpose", async ({
  page,
}, testInfo) => {
  const [unit] = registerCell("DE-ST", "20000_99999", 1, OFFSET[testInfo.project.name]! + 1);
  const code = (await insertTestCodes([unit!.key])).get(unit!.key)!;
  await startWithCode(page, code);
  await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();
  const link = await page.getByLabel("Ihr persönlicher Link").inputValue();

  // The same code again: no second assessment, but a notice with a way back.
  await startWithCode(page, code);
  const notice = page.getByRole("alert").filter({ hasText: `Für ${unit!.name} gibt es schon eine Selbsteinschätzung` });
  await expect(notice).toBeVisible();
  await expect(notice).toBeInViewport();
  await expectAccessible(page);
  await notice.getByLabel("Ihr gespeicherter Link zur Selbsteinschätzung").fill(`  ${link} `);
  await notice.getByRole("button", { name: "Selbsteinschätzung öffnen" }).click();
  await expect(page).toHaveURL(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Digitalcheck ${unit!.name}`);

  // Without the link: a new one, on purpose only.
  await startWithCode(page, code);
  await expect(page.getByRole("button", { name: "Trotzdem neu beginnen" })).toBeVisible();
  await page.getByRole("button", { name: "Trotzdem neu beginnen" }).click();
  await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();
  expect(await page.getByLabel("Ihr persönlicher Link").inputValue()).not.toBe(link);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the code plus a typed town name is accepted with plain form posts", async ({ page }, testInfo) => {
    const [unit] = registerCell("DE-ST", "20000_99999", 1, OFFSET[testInfo.project.name]! + 2);
    const code = (await insertTestCodes([unit!.key])).get(unit!.key)!;
    await page.goto("/start");
    await page.getByLabel(/^Teilnahmecode/).fill(code);
    await page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" }).fill("Apolda");
    await page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }).check();
    await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Digitalcheck ${unit!.name}`);
  });

  test("a member Gemeinde typed by its key: the server asks whom the respondent answers for, and keeps what was typed", async ({
    page,
  }) => {
    await page.goto("/start");
    await page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" }).fill("Breitenfelde");
    await page.getByLabel("Bundesland").selectOption({ label: "Schleswig-Holstein" });
    await page.getByLabel("Einwohnerzahl").fill("2.700");
    await page.getByLabel("Amtlicher Schlüssel").fill("01053014");
    await page.getByRole("radio", { name: "Digitalisierungsverantwortliche oder -verantwortlicher" }).check();
    await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
    // The question, with what was typed kept.
    const choice = page.getByRole("group", { name: "Für wen antworten Sie?" });
    await expect(choice).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" })).toHaveValue("Breitenfelde");
    await expect(page.getByLabel("Amtlicher Schlüssel")).toHaveValue("01053014");
    await expect(
      page.getByRole("radio", { name: "Digitalisierungsverantwortliche oder -verantwortlicher" }),
    ).toBeChecked();
    // axe needs JavaScript in the page; the same choice is checked by axe in tests/e2e/register.spec.ts.
    await choice.getByRole("radio", { name: /^Für die Verwaltung: Amt Breitenfelde – 11 Gemeinden/ }).check();
    await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Digitalcheck Amt Breitenfelde (11 Gemeinden)");
  });
});
