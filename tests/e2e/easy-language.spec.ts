import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../support/test";
import { createAssessment, createSubmittedAssessment, KNOWN_ANSWERS } from "../support/fixtures";
import { checkEasyLanguage } from "../../lib/easy-language/check";
import { reference } from "../../lib/survey/reference";
import { EASY_PAGE_HEADINGS } from "../support/easy-language";

/*
 * Leichte Sprache (BITV 2.0 § 4, Anlage 2 Teil 2): the page, the core of the accessibility statement and the
 * result in Leichter Sprache, as a reader gets them. axe on these pages runs in a11y/all-pages.spec.ts.
 */

/** A full-page screenshot in the test's report (the phone project: 360 px wide), for looking at what a reader sees. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(`${name}-${testInfo.project.name}`, {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
}

/** The rendered text of every region marked as Leichte Sprache, block by block, checked against the rules. */
async function expectEasyRegions(page: Page, label: string) {
  const blocks = await page
    .locator("[data-leichte-sprache] :is(h1, h2, h3, p, li)")
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText));
  expect(blocks.length, `${label}: blocks in Leichter Sprache`).toBeGreaterThan(3);
  const check = checkEasyLanguage(blocks);
  console.log(
    `[leichte sprache] ${label} (rendered): ${check.sentences} sentences, average ${check.averageWords.toFixed(1)} words, longest ${check.longest?.words}`,
  );
  expect(check.problems, label).toEqual([]);
}

test("the header of a page leads to Leichte Sprache, which explains the Digital-Check and how to report a barrier", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const header = page.getByRole("banner");
  // By keyboard: the skip link, the site's name, then Leichte Sprache.
  const link = header.getByRole("link", { name: "Leichte Sprache" });
  for (let i = 0; i < 3; i += 1) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/leichte-sprache$/);
  await expect(page.getByRole("heading", { level: 1, name: "Leichte Sprache" })).toBeVisible();
  for (const heading of EASY_PAGE_HEADINGS)
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  // The e-mail to the operator's address from the configuration, with subject and a short form.
  const mail = page.getByRole("link", { name: "E-Mail an uns schreiben" });
  const href = (await mail.getAttribute("href"))!;
  expect(href).toMatch(/^mailto:barrierefreiheit@pruefstadt\.example\?subject=/);
  expect(decodeURIComponent(href)).toContain("Auf welcher Seite ist die Barriere?");
  await expect(page.getByText("Wir antworten Ihnen innerhalb von 1 Monat.")).toBeVisible();
  await expectEasyRegions(page, "/leichte-sprache");
  await attachScreenshot(page, testInfo, "leichte-sprache");
  // The pictogram is served with the page: an inline SVG, hidden from screen readers.
  await expect(header.locator("svg.easy-language-icon")).toHaveAttribute("aria-hidden", "true");
});

test("the accessibility statement: the core in Leichter Sprache, the e-mail, the Schlichtungsstelle, one month, no sign-language videos", async ({
  page,
}) => {
  // From the footer of any page.
  await page.goto("/methodik");
  await page.getByRole("contentinfo").getByRole("link", { name: "Barriere melden" }).click();
  await expect(page).toHaveURL(/\/barrierefreiheit#barriere-melden$/);
  const mail = page.getByRole("link", { name: "Barriere per E-Mail melden" });
  await expect(mail).toBeVisible();
  expect(await mail.getAttribute("href")).toMatch(/^mailto:barrierefreiheit@pruefstadt\.example\?subject=Barriere/);
  await expect(page.getByText("Wir antworten innerhalb eines Monats", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "www.schlichtungsstelle-bgg.de" })).toHaveAttribute(
    "href",
    "https://www.schlichtungsstelle-bgg.de",
  );
  await expect(
    page.getByText("Videos in Deutscher Gebärdensprache gibt es noch nicht.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Das Wichtigste in Leichter Sprache" })).toBeVisible();
  await expect(page.getByText("Videos in Deutscher Gebärden-Sprache.")).toBeVisible();
  await expectEasyRegions(page, "/barrierefreiheit");
});

test("the result in Leichter Sprache: switched on and off with the keyboard only, level, points, steps and its PDF", async ({
  page,
  request,
}, testInfo) => {
  const { token } = await createSubmittedAssessment(request, KNOWN_ANSWERS);
  await page.goto(`/a/${token}/ergebnis`);
  const switchNav = page.getByRole("navigation", { name: "Ansicht des Ergebnisses" });
  await expect(switchNav.getByRole("link", { name: "Ausführliches Ergebnis" })).toHaveAttribute("aria-current", "page");

  // Tab to the switch and press Enter: no mouse.
  const target = switchNav.getByRole("link", { name: "Ergebnis in Leichter Sprache" });
  for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i += 1)
    await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ergebnis\?leichteSprache=ja$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ihr Ergebnis in Leichter Sprache" })).toBeVisible();
  await expect(switchNav.getByRole("link", { name: "Ergebnis in Leichter Sprache" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // The same figures as the standard result: KNOWN_ANSWERS has the index 64.4 (Fortgeschritten).
  await expect(page.getByText("Ihre Kommune hat ungefähr 64 von 100 Punkten.")).toBeVisible();
  await expect(page.getByText("Das ist die Stufe: Fortgeschritten.")).toBeVisible();
  const strong = page.locator("section", {
    has: page.getByRole("heading", { name: "Das macht Ihre Kommune schon gut" }),
  });
  const weak = page.locator("section", {
    has: page.getByRole("heading", { name: "Hier kann Ihre Kommune besser werden" }),
  });
  const steps = page.locator("section", {
    has: page.getByRole("heading", { name: "Das können Sie als Nächstes tun" }),
  });
  await expect(strong.getByRole("listitem")).toHaveCount(3);
  await expect(weak.getByRole("listitem")).toHaveCount(3);
  await expect(steps.getByRole("listitem").first()).toBeVisible();
  await expect(weak).toContainText("Bezahlen im Internet");
  await expect(weak).toContainText("Im Jahr 2020 waren 67 von 100 Kommunen schon weiter.");
  await expectEasyRegions(page, "/a/<token>/ergebnis?leichteSprache=ja");
  await attachScreenshot(page, testInfo, "ergebnis-leichte-sprache");

  const pdf = page.getByRole("link", { name: "PDF-Datei speichern" });
  expect(await pdf.getAttribute("href")).toBe(`/api/assessments/${token}/report.pdf?leichteSprache=ja`);
  const res = await request.get((await pdf.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");

  // And back to the detailed result, again by keyboard.
  const back = switchNav.getByRole("link", { name: "Ausführliches Ergebnis" });
  for (let i = 0; i < 30 && !(await back.evaluate((el) => el === document.activeElement)); i += 1)
    await page.keyboard.press("Shift+Tab");
  await expect(back).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/a/${token}/ergebnis$`));
  await expect(page.getByRole("heading", { level: 2, name: "Ihr digitaler Reifegrad" })).toBeVisible();
});

test("the result in Leichter Sprache of a draft says what is missing", async ({ page, request }) => {
  const { token } = await createAssessment(request);
  const put = await request.put(`/api/assessments/${token}/answers`, {
    data: { version: 1, answers: { e_file: "in_use", budget_2021: "decrease" } },
  });
  expect(put.status()).toBe(200);
  await page.goto(`/a/${token}/ergebnis?leichteSprache=ja`);
  await expect(page.getByText(`Es fehlen noch Antworten auf ${reference.questions.length - 2} Fragen.`)).toBeVisible();
  await expect(page.getByText("Das Ergebnis kann sich darum noch ändern.")).toBeVisible();
  await expect(page.getByText("Ihre Verwaltung führt die Akten schon am Computer.")).toBeVisible();
  await expectEasyRegions(page, "/a/<token>/ergebnis?leichteSprache=ja (draft)");
});
