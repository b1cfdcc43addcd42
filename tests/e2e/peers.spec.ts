import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { expect, test } from "../support/test";
import { completeAnswers, fillVerifiedCell } from "../support/fixtures";
import { chartTextProblems, drawAllCharts, recordChartText } from "../support/chart-text";

// Phone and desktop run in parallel against one database: each project owns its cell of small
// municipalities, filled with five municipalities verified with their participation codes.
const STATE_OF_PROJECT: Record<string, { code: string; name: string }> = {
  phone: { code: "DE-BY", name: "Bayern" },
  desktop: { code: "DE-SH", name: "Schleswig-Holstein" },
};

test("filters, figures, suppression and the CSV download of the peer page", async ({ page, request }, testInfo) => {
  const state = STATE_OF_PROJECT[testInfo.project.name]!;
  await recordChartText(page);
  // Ten municipalities in two releases of five: enough for the median and quartiles (from 2k).
  const answersFor = (i: number) => ({ ...completeAnswers(), e_file: i < 3 ? "in_use" : "neither" });
  const cell = { state: state.code, sizeClass: "lt_5000" as const };
  const tokens = [
    ...(await fillVerifiedCell(request, cell, 0, answersFor)),
    ...(await fillVerifiedCell(request, cell, 5, answersFor)),
  ];
  const own = tokens[4]!;

  await page.goto("/vergleich");
  await page.getByLabel("Bundesland").selectOption({ label: state.name });
  await page
    .getByLabel("Größenklasse")
    .selectOption({ label: "Kleingemeinden (unter 5.000 Einwohnerinnen und Einwohner)" });
  await page.getByRole("button", { name: "Vergleich anzeigen" }).click();
  await expect(page).toHaveURL(new RegExp(`state=${state.code}&sizeClass=lt_5000`));
  await expect(page.getByText(/Verglichen mit 10 von [\d.]+ Kleingemeinden in/)).toBeVisible();

  const eFile = page.getByRole("article", { name: "Führt Ihre Verwaltung elektronische Akten (E-Akte)?" });
  await eFile.getByRole("button", { name: "Daten als Tabelle anzeigen" }).click();
  const table = eFile.getByRole("table");
  await expect(table.getByRole("row", { name: /Ja, im Einsatz 60 % 16 %/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /Weder im Einsatz noch geplant 40 % rund 23 %/ })).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
  // Every chart's labels stand level, whole and apart (also the long answers at 360 px).
  await drawAllCharts(page);
  expect(await chartTextProblems(page)).toEqual([]);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Als CSV für Excel herunterladen" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`Digitalcheck-Vergleich-${state.code}-lt_5000.csv`);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = bytes
    .toString("utf8")
    .slice(1)
    .trim()
    .split("\r\n")
    .map((l) => l.split(";"));
  expect(rows).toContainEqual(["Vergleichskommunen", "10"]);
  expect(rows).toContainEqual([
    "Führt Ihre Verwaltung elektronische Akten (E-Akte)?",
    "Ja, im Einsatz",
    "60",
    "16",
    "ja",
  ]);
  expect(rows).toContainEqual([
    "Führt Ihre Verwaltung elektronische Akten (E-Akte)?",
    "Geplant oder in Diskussion",
    "0",
    "61",
    "ja",
  ]);

  // A group below k shows nothing but the notice.
  await page
    .getByLabel("Größenklasse")
    .selectOption({ label: "Großstädte (100.000 Einwohnerinnen und Einwohner und mehr)" });
  await page.getByRole("button", { name: "Vergleich anzeigen" }).click();
  await expect(page.getByText("Zu wenige Vergleichskommunen")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByText(/Verglichen mit/)).toHaveCount(0);

  // From a results page: own state and size class by default, with the own answer and the quarter in which the
  // own index lies against the published quartiles (whole points), never a percentage.
  await page.goto(`/a/${own}/vergleich`);
  await expect(page.getByLabel("Bundesland")).toHaveValue(state.code);
  await expect(page.getByLabel("Größenklasse")).toHaveValue("lt_5000");
  await expect(
    page.getByText(/damit liegt Ihre Kommune im (unteren|zweiten|dritten|oberen) Viertel.* der Vergleichskommunen/),
  ).toBeVisible();
  await expect(page.getByText(/Mittlere Hälfte/)).toBeVisible();
  await expect(page.getByText(/% der Vergleichskommunen/)).toHaveCount(0);
  await expect(
    eFile.getByRole("img", { name: /Ja, im Einsatz: Vergleichskommunen 60 %, bundesweit 2020 16 %/ }),
  ).toBeAttached();
});
