import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test";

test("keyboard only: type “gross”, arrow down to Großenhain, Enter fills key, state and size class", async ({
  page,
}) => {
  await page.goto("/start");
  // Reach the name field with the keyboard: skip link, brand link, then the field.
  const field = page.getByRole("combobox", { name: "Name der Kommune" });
  for (let i = 0; i < 8 && !(await field.evaluate((el) => el === document.activeElement)); i += 1)
    await page.keyboard.press("Tab");
  await expect(field).toBeFocused();
  await page.keyboard.type("gross");
  const option = page.getByRole("option", { name: /Großenhain, Stadt/ });
  await expect(option).toBeVisible();
  await expect(field).toHaveAttribute("aria-expanded", "true");
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press("ArrowDown");
    if ((await option.getAttribute("aria-selected")) === "true") break;
  }
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");

  await expect(field).toHaveValue("Großenhain");
  await expect(field).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByLabel("Amtlicher Gemeindeschlüssel (AGS)")).toHaveValue("14627060");
  await expect(page.getByLabel("Bundesland")).toHaveValue("DE-SN");
  await expect(
    page.getByText("Größenklasse: Kleinstadt (5.000 bis 19.999 Einwohnerinnen und Einwohner)"),
  ).toBeVisible();
  await expect(
    page.getByText(/Laut Gemeindeverzeichnis: [\d.]+ Einwohnerinnen und Einwohner \(Stand 31\.12\.2024\)/),
  ).toBeVisible();
  await expect(page.getByText("Quelle: Statistisches Bundesamt (Destatis)", { exact: false })).toBeVisible();
  // The population stays editable.
  await expect(page.getByLabel("Einwohnerzahl")).toBeEditable();

  // Role and submit, still with the keyboard.
  const role = page.getByRole("radio", { name: "Digitalisierungsverantwortliche oder -verantwortlicher" });
  for (let i = 0; i < 12 && !(await role.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press(
      (await page
        .getByRole("radio")
        .first()
        .evaluate((el) => el === document.activeElement))
        ? "ArrowDown"
        : "Tab",
    );
  }
  await page.keyboard.press("Space");
  await expect(role).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Selbsteinschätzung anlegen" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();
  await expect(
    page.getByText(
      "Großenhain ist eine von 2.237 Kommunen mit 5.000 bis 19.999 Einwohnerinnen und Einwohnern in Deutschland",
    ),
  ).toBeVisible();
  await expect(page.getByText("14627060")).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

test("a municipality not in the register can still be entered by hand", async ({ page }) => {
  await page.goto("/start");
  const field = page.getByRole("combobox", { name: "Name der Kommune" });
  await field.fill("Neugemeinde am See");
  await expect(page.getByText("Keine Treffer im Gemeindeverzeichnis", { exact: false })).toBeAttached();
  await page.keyboard.press("Escape");
  await page.getByLabel("Bundesland").selectOption({ label: "Brandenburg" });
  await page.getByLabel("Einwohnerzahl").fill("2.450");
  await page.getByLabel("Amtlicher Gemeindeschlüssel (AGS)").fill("12999999");
  await page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }).check();
  await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
  await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();
  await expect(page.getByText("AGS nicht im Gemeindeverzeichnis")).toBeVisible();
  await expect(page.getByText("2.450", { exact: true })).toBeVisible();
});
