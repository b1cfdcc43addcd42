import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/test";
import { completeAnswers, createVerifiedSubmission, insertTestCodes, registerCell } from "../support/fixtures";

test("keyboard only: type “gross”, arrow down to Großenhain, Enter fills key, state and size class", async ({
  page,
}) => {
  await page.goto("/start");
  // Reach the name field with the keyboard: skip link, brand link, then the field.
  const field = page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" });
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
  await expect(page.getByLabel("Amtlicher Schlüssel")).toHaveValue("14627060");
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
      "Großenhain ist eine von 2.611 Verwaltungen in Deutschland, die 5.000 bis 19.999 Einwohnerinnen und Einwohner betreuen (Kleinstädte); 144 davon liegen in Sachsen.",
    ),
  ).toBeVisible();
  await expect(page.getByText("14627060")).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

test("a municipality not in the register can still be entered by hand", async ({ page }) => {
  await page.goto("/start");
  const field = page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" });
  await field.fill("Neugemeinde am See");
  await expect(page.getByText("Keine Treffer im Gemeindeverzeichnis", { exact: false })).toBeAttached();
  await page.keyboard.press("Escape");
  await page.getByLabel("Bundesland").selectOption({ label: "Brandenburg" });
  await page.getByLabel("Einwohnerzahl").fill("2.450");
  await page.getByLabel("Amtlicher Schlüssel").fill("12999999");
  await page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }).check();
  await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();
  await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();
  await expect(page.getByText("AGS nicht im Gemeindeverzeichnis")).toBeVisible();
  await expect(page.getByText("2.450", { exact: true })).toBeVisible();
});

// Administrations as units (docs/adr/0013-administrations-as-units.md). Phone and desktop each take their own Amt
// of Schleswig-Holstein, and four other units of the same cell, so that the comparison is released.
const AMT: Record<
  string,
  { query: string; key: string; name: string; members: number; population: string; offset: number }
> = {
  phone: { query: "Büchen", key: "010535318", name: "Amt Büchen", members: 15, population: "15.339", offset: 40 },
  desktop: {
    query: "Berkenthin",
    key: "010535308",
    name: "Amt Berkenthin",
    members: 11,
    population: "8.467",
    offset: 50,
  },
};

test("the officer of an Amt searches its name, takes the Amt, enters its code, answers, submits and is compared with the Kleinstädte of Schleswig-Holstein", async ({
  page,
  request,
}, testInfo) => {
  const amt = AMT[testInfo.project.name]!;
  const others = registerCell("DE-SH", "5000_19999", 6, amt.offset)
    .filter((r) => r.key !== "010535318" && r.key !== "010535308")
    .slice(0, 4);
  const codes = await insertTestCodes([amt.key, ...others.map((r) => r.key)]);
  for (const r of others) await createVerifiedSubmission(request, codes.get(r.key)!);

  await page.goto("/start");
  const field = page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" });
  await field.fill(amt.query);
  // Both: the administration with its Gemeinden, and the Gemeinde of the same name with its administration.
  const verband = page.getByRole("option", { name: new RegExp(`^${amt.name} – ${amt.members} Gemeinden`) });
  const member = page.getByRole("option", { name: new RegExp(`^${amt.query} \\(${amt.name}\\)`) });
  await expect(verband).toBeVisible();
  await expect(member).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("picker.png"), fullPage: true });
  // Taking the Gemeinde asks whom the officer answers for, and recommends the administration.
  await member.click();
  const forAdministration = page.getByRole("radio", { name: new RegExp(`^Für die Verwaltung: ${amt.name}`) });
  await expect(forAdministration).toBeChecked();
  await expect(page.getByRole("radio", { name: new RegExp(`^Nur für die Gemeinde ${amt.query}`) })).not.toBeChecked();
  await expect(page.getByLabel("Amtlicher Schlüssel")).toHaveValue(amt.key);
  await expect(page.getByLabel("Einwohnerzahl")).toHaveValue(amt.population.replace(".", ""));
  await page.screenshot({ path: testInfo.outputPath("choice.png"), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByLabel(/^Teilnahmecode/).fill(codes.get(amt.key)!);
  await page.getByRole("radio", { name: "Digitalisierungsverantwortliche oder -verantwortlicher" }).check();
  await page.getByRole("button", { name: "Selbsteinschätzung anlegen" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Digitalcheck ${amt.name} (${amt.members} Gemeinden)`,
  );
  await expect(page.getByText("bestätigt – Angaben aus dem Gemeindeverzeichnis")).toBeVisible();
  await expect(page.getByText(`${amt.population} (alle ${amt.members} Gemeinden)`)).toBeVisible();
  await expect(page.getByText(new RegExp(`^${amt.members} Gemeinden: `))).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("profile.png"), fullPage: true });

  // Answers through the API (the questionnaire's own journey is tests/e2e/questionnaire.spec.ts), submit on the page.
  const token = new URL(page.url()).pathname.split("/")[2]!;
  const { version } = await (await request.get(`/api/assessments/${token}`)).json();
  const put = await request.put(`/api/assessments/${token}/answers`, { data: { version, answers: completeAnswers() } });
  expect(put.status()).toBe(200);
  await page.goto(`/a/${token}/pruefen`);
  await page.getByRole("button", { name: "Selbsteinschätzung absenden" }).click();
  await expect(page.getByText("Vielen Dank! Ihre Selbsteinschätzung ist abgeschlossen.")).toBeVisible();
  await page.goto(`/a/${token}/ergebnis`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Ergebnis: Digitalcheck ${amt.name} (${amt.members} Gemeinden)`,
  );
  await expect(page.getByRole("heading", { name: "Vergleich mit Kleinstädten in Schleswig-Holstein" })).toBeVisible();
  await expect(page.getByText(/Verglichen mit \d+ von 116 Kleinstädten in Schleswig-Holstein/)).toBeVisible();
});
