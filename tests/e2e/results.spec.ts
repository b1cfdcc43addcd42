import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { createAssessment, createSubmittedAssessment } from "../support/fixtures";

async function expectAccessible(page: Page) {
  // After a client-side navigation the title follows the content a moment later; axe checks it too.
  await expect(page).toHaveTitle(/Kommunaler Digitalcheck$/);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the results page shows the index, the exact statements, both charts and their tables", async ({
  page,
  request,
}) => {
  const { token } = await createSubmittedAssessment(request);
  await page.goto(`/a/${token}`);
  await page.getByRole("link", { name: "Ihr Ergebnis ansehen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ergebnis: Digitalcheck");
  await expect(page.getByText("64,4", { exact: true })).toBeVisible();
  await expect(page.getByText("Fortgeschritten", { exact: true })).toBeVisible();
  await expect(page.getByText("48,5 Punkte")).toBeVisible();
  await expect(
    page.getByText("Sie nutzen die E-Rechnung bereits; 2020 taten das erst 20 % der Kommunen."),
  ).toBeVisible();
  await expect(
    page.getByText("Sie planen oder diskutieren die E-Akte; 2020 taten das 61 % der Kommunen."),
  ).toBeVisible();
  await expect(
    page.getByText(
      "Sie haben das E-Payment weder im Einsatz noch in Planung. Bei rund 33 % der Kommunen war das 2020 so, oder sie machten dazu keine Angabe.",
    ),
  ).toBeVisible();
  await expect(page.getByText("Sie liegen vor 51 % der Kommunen.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ihre nächsten Schritte" })).toBeVisible();
  await expect(page.getByText("Verwaltungsleistungen online anbieten.")).toBeVisible();
  // Radar chart and one bar chart per question, each with a text alternative from the first byte on;
  // a chart is drawn when it comes near the viewport (Chart.js is not part of the first load).
  const charts = page.getByRole("img", { name: /^(Netzdiagramm|Balkendiagramm)/ });
  await expect(charts).toHaveCount(22);
  const radar = page.getByRole("img", { name: /Netzdiagramm der fünf Dimensionen: Strategie 50/ });
  await expect(radar).toBeVisible();
  // On a phone the radar lies below the first screens (the next action and the view switch come first).
  await radar.scrollIntoViewIfNeeded();
  await expect(radar.locator("canvas")).toHaveCount(1);
  await expect(
    page.getByRole("img", { name: /Balkendiagramm, Anteile aller Kommunen 2020: Ja, im Einsatz 16 %/ }).first(),
  ).toBeVisible();
  const last = charts.last();
  await expect(last.locator("canvas")).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator("canvas")).toHaveCount(1);
  const box = await last.locator("canvas").boundingBox();
  expect(box!.height).toBeGreaterThan(100);
  await expectAccessible(page);

  // Keyboard only: tab to the radar chart's table toggle and open the table.
  const toggle = page.getByRole("button", { name: "Daten als Tabelle anzeigen" }).first();
  for (let i = 0; i < 40 && !(await toggle.evaluate((el) => el === document.activeElement)); i += 1)
    await page.keyboard.press("Tab");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Tabelle ausblenden" }).first()).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const table = page.getByRole("table", { name: /Reifegrad nach Dimensionen/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row", { name: /Ressourcen 72,2 52,8/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /Arbeitsorganisation 100 48/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
});

test("a draft shows a partial result, clearly marked", async ({ page, request }) => {
  const { token } = await createAssessment(request);
  await request.put(`/api/assessments/${token}/answers`, {
    data: { version: 1, answers: { e_file: "in_use", e_invoice: "planned" } },
  });
  await page.goto(`/a/${token}/ergebnis`);
  await expect(page.getByText("Vorläufiges Ergebnis")).toBeVisible();
  await expect(page.getByText("19 von 21 Fragen sind noch offen")).toBeVisible();
  await expect(page.getByText("Sie führen bereits eine E-Akte; 2020 taten das erst 16 % der Kommunen.")).toBeVisible();
  await expectAccessible(page);
});

test("the method page explains the source, the statements and the index", async ({ page }) => {
  await page.goto("/methodik");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Methodik und Quellen");
  await expect(page.getByText("623 Städten und Gemeinden", { exact: false })).toBeVisible();
  await expect(page.getByText("Ende August bis Anfang November 2020", { exact: false })).toBeVisible();
  await expect(page.getByText("Bundesdurchschnitt von rund 48,5 Punkten", { exact: false })).toBeVisible();
  await expect(page.getByText("Die Zahlen altern.")).toBeVisible();
  // The one published share of a subgroup is named as such, not counted among the shares of all 623.
  await expect(page.getByText("Eine Teilgruppe nennt die Pressemitteilung nur einmal", { exact: false })).toContainText(
    "„Nein, und sie ist bei uns auch kein Thema“: 24 % der Kommunen mit weniger als 5.000 Einwohnerinnen und Einwohnern",
  );
  await expect(page.getByText("Quelle: Statistisches Bundesamt (Destatis)", { exact: false })).toBeVisible();
  await expectAccessible(page);
});

test("the method page's scoring tables fit a phone screen: every answer and the national average without scrolling sideways", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/methodik");
  const regions = page.getByRole("region", { name: /^Punkte in der Dimension/ });
  await expect(regions).toHaveCount(5);
  const overflow = await regions.evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth));
  expect(overflow).toEqual([0, 0, 0, 0, 0]);
  // One line per answer with its points; each question shows its national average in its own cell.
  const strategy = page.getByRole("table", { name: /^Dimension Strategie/ });
  await expect(
    strategy
      .getByRole("listitem")
      .filter({ hasText: "Ja, eine zentrale Digitalstrategie für die ganze Verwaltung: 1" }),
  ).toBeVisible();
  const rows = strategy.getByRole("rowheader");
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row.getByText(/^Bundesdurchschnitt: \d+(,\d)?$/)).toBeVisible();
  // On a wide screen the national average is a column again, and each figure appears once.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(strategy.getByRole("columnheader", { name: "Bundesdurchschnitt" })).toBeVisible();
  await expect(strategy.getByText(/^Bundesdurchschnitt: /).filter({ visible: true })).toHaveCount(0);
});

test("an unknown token's results page is a 404", async ({ page }) => {
  const res = await page.goto(`/a/${"E".repeat(43)}/ergebnis`);
  expect(res?.status()).toBe(404);
});

test("a results page sent from the page cache runs its scripts under the page's CSP: charts drawn, tables toggle", async ({
  page,
  request,
}) => {
  const { token } = await createSubmittedAssessment(request);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  // A direct visit, again until it comes from the cache (other tests' submissions change the peer pool meanwhile).
  await expect(async () => {
    const res = await page.goto(`/a/${token}/ergebnis`);
    expect(res!.headers()["x-page-cache"]).toBe("hit");
  }).toPass({ timeout: 60_000 });
  const radar = page.getByRole("img", { name: /Netzdiagramm der fünf Dimensionen: Strategie 50/ });
  // Charts are drawn when they come near the viewport (components/charts/lazy-chart.tsx); on a phone the
  // radar starts below the first screen.
  await radar.scrollIntoViewIfNeeded();
  await expect(radar.locator("canvas")).toHaveCount(1);
  await page.getByRole("button", { name: "Daten als Tabelle anzeigen" }).first().click();
  await expect(page.getByRole("table", { name: /Reifegrad nach Dimensionen/ })).toBeVisible();
  expect(violations).toEqual([]);
});
