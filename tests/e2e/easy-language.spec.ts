import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../support/test";
import { createAssessment, createSubmittedAssessment, KNOWN_ANSWERS } from "../support/fixtures";
import { checkEasyLanguage } from "../../lib/easy-language/check";
import { EASY_PICTURES } from "../../lib/easy-language/pictures";
import { reference } from "../../lib/survey/reference";
import { brokenWords, EASY_PAGE_HEADINGS, easyTypeSizes, easyUnits } from "../support/easy-language";

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

/**
 * The rendered text of every region marked as Leichte Sprache checked against the rules, and its layout: no
 * line ends in a hyphen or breaks a word (at 360 px the phone project's width), headings clearly larger than
 * the text (at least 1.2 times), the text at 1.6 line height (docs/adr/0012-leichte-sprache.md).
 */
async function expectEasyRegions(page: Page, label: string) {
  const units = await easyUnits(page);
  expect(units.length, `${label}: blocks in Leichter Sprache`).toBeGreaterThan(3);
  const check = checkEasyLanguage(units);
  console.log(
    `[leichte sprache] ${label} (rendered): ${check.sentences} sentences, average ${check.averageWords.toFixed(1)} words, longest ${check.longest?.words}`,
  );
  expect(check.problems, label).toEqual([]);
  expect(await brokenWords(page), `${label}: lines`).toEqual([]);
  const regions = await easyTypeSizes(page);
  expect(regions.length, label).toBeGreaterThan(0);
  for (const region of regions) {
    expect(region.text, label).toBeGreaterThanOrEqual(21);
    expect(region.lineHeight, label).toBeCloseTo(1.6, 2);
    for (const h of region.headings)
      expect(h.size, `${label}: "${h.heading}"`).toBeGreaterThanOrEqual(region.text * 1.2);
  }
}

test("the header of a page leads to Leichte Sprache, which explains the Digital-Check and how to report a barrier", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const header = page.getByRole("banner");
  // The controls of the pictures on /leichte-sprache are here, as they are named there.
  await expect(page.getByRole("link", { name: EASY_PICTURES.startButton.shows })).toBeVisible();
  // By keyboard: the skip link, the site's name, then Leichte Sprache.
  const link = header.getByRole("link", { name: EASY_PICTURES.headerLink.shows });
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
  // Honest about the check: no group of readers has read the texts (the test instance confirms none).
  await expect(page.getByRole("note", { name: "Prüfung der Texte" })).toContainText(
    "Diese Texte hat noch keine Prüf-Gruppe gelesen.",
  );
  // The Schlichtungsstelle named from the configuration (here none: the federal one), not asked of the reader.
  await expect(
    page.locator("#ls-schlichtung").locator("..").getByRole("link", { name: "www.schlichtungsstelle-bgg.de" }),
  ).toBeVisible();
  // The pictures: our own screenshots, served by the app, each with its alternative text.
  for (const picture of Object.values(EASY_PICTURES)) {
    const img = page.getByRole("img", { name: picture.alt });
    await img.scrollIntoViewIfNeeded();
    await expect(img).toBeVisible();
    // Loaded lazily: the file arrives once the picture is in view.
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(picture.width * 2);
  }
  // The table of contents leads to the word list.
  await page
    .getByRole("navigation", { name: "Das steht auf dieser Seite" })
    .getByRole("link", { name: "Wörter-Liste" })
    .click();
  await expect(page).toHaveURL(/#ls-woerter$/);
  await expect(page.getByRole("term").filter({ hasText: "Schlichtungs-Stelle" })).toBeVisible();
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
  // The Schlichtungsstelle of the configuration (none here: the federal one), in the statement and in Leichter Sprache.
  await expect(page.getByRole("link", { name: "www.schlichtungsstelle-bgg.de" })).toHaveCount(2);
  await expect(page.getByRole("link", { name: "www.schlichtungsstelle-bgg.de" }).first()).toHaveAttribute(
    "href",
    "https://www.schlichtungsstelle-bgg.de",
  );
  await expect(
    page.getByText("Videos in Deutscher Gebärdensprache gibt es noch nicht.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Das Wichtigste in Leichter Sprache" })).toBeVisible();
  await expect(page.getByText("Videos in Deutscher Gebärden-Sprache.")).toBeVisible();
  // Site, operator (from the configuration), date, status in the three steps, who tested it.
  for (const sentence of [
    "Diese Erklärung ist für die Internet-Seite „Kommunaler Digitalcheck“.",
    "Die Internet-Seite gehört zu: Stadt Prüfstadt, Digitalisierung.",
    "Wir haben die Erklärung am 25. November 2026 geschrieben.",
    "Der Digital-Check ist zum Teil barriere-frei.",
    "Die Programmierer vom Digital-Check haben die Internet-Seite selbst geprüft.",
  ])
    await expect(page.getByText(sentence)).toBeVisible();
  await expect(page.getByRole("note", { name: "Prüfung der Texte" })).toContainText("noch keine Prüf-Gruppe");
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
  // The control of the picture on /leichte-sprache.
  const target = switchNav.getByRole("link", { name: EASY_PICTURES.viewSwitch.shows });
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
  // A point's name is a heading of its own.
  await expect(weak.getByRole("heading", { level: 3, name: "Bezahlen im Internet" })).toBeVisible();
  await expect(weak).toContainText("Im Jahr 2020 waren 67 von 100 Kommunen schon weiter.");
  await expect(page.getByRole("note", { name: "Prüfung der Texte" })).toBeVisible();
  await expectEasyRegions(page, "/a/<token>/ergebnis?leichteSprache=ja");
  await attachScreenshot(page, testInfo, "ergebnis-leichte-sprache");

  const pdf = page.getByRole("link", { name: EASY_PICTURES.pdfButton.shows });
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
  await expect(page.getByText("Das Ergebnis kann sich also noch ändern.")).toBeVisible();
  await expect(page.getByText("Ihre Verwaltung führt die Akten schon am Computer.")).toBeVisible();
  await expectEasyRegions(page, "/a/<token>/ergebnis?leichteSprache=ja (draft)");
});
