import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../support/test";

/*
 * The error pages a user meets when something fails: German, in the app's frame (skip link and header), with
 * a way to try again and a way home, and nothing of the error itself. The failures are made on purpose by the
 * test switches of lib/testing/test-routes.ts, which the test server turns on (TEST_ROUTES=true in
 * playwright.config.ts): /testfehler throws in a page (app/error.tsx, inside the root layout), and the header
 * `x-test-fail: layout` makes the root layout throw (app/global-error.tsx, a document of its own). Without the
 * switch neither exists (tests/api/test-routes.spec.ts).
 */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Words of Next's built-in error pages and of a stack trace, none of which may reach the user. */
const FOREIGN = [
  /application error/i,
  /internal server error/i,
  /this page could not be found/i,
  /server-side exception/i,
  /client-side exception/i,
  /failure requested by a test/i,
  /\bat .+\(.+:\d+:\d+\)/,
  /\.next\//,
  /node_modules/,
];

async function expectNothingForeign(page: Page) {
  const text = await page.locator("body").innerText();
  for (const pattern of FOREIGN) expect(text, `the page shows nothing like ${pattern}`).not.toMatch(pattern);
  expect(await page.title(), "the title is German").not.toMatch(/error|not found/i);
}

/** The skip link is the first Tab stop, visible when focused, and Enter moves focus to main. */
async function expectSkipLink(page: Page) {
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const r = el?.getBoundingClientRect();
    return {
      text: el?.textContent?.trim(),
      href: el?.getAttribute("href"),
      visible: !!r && r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth,
    };
  });
  expect(first).toEqual({ text: "Zum Inhalt springen", href: "#inhalt", visible: true });
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => document.activeElement === document.querySelector("main"))).toBe(true);
}

/** The header as on every page: the app's name leading home, Leichte Sprache, white on KERN's blue. */
async function expectHeader(page: Page) {
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: "Kommunaler Digitalcheck" })).toHaveAttribute("href", "/");
  await expect(banner.getByRole("link", { name: "Leichte Sprache" })).toHaveAttribute("href", "/leichte-sprache");
  // The app's stylesheet is in force: the header is coloured, the text is Fira Sans.
  const look = await banner.evaluate((el) => ({
    background: getComputedStyle(el).backgroundColor,
    font: getComputedStyle(document.body).fontFamily,
  }));
  expect(look.background, "the header's background").not.toBe("rgba(0, 0, 0, 0)");
  expect(look.font).toContain("Fira Sans");
}

async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}-${testInfo.project.name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${name}-${testInfo.project.name}`, { path, contentType: "image/png" });
}

/** Every stylesheet and script the page loaded came from the app's own origin. */
function trackForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith("data:")) foreign.push(req.url());
  });
  return foreign;
}

test("a page that fails shows the German error page inside the layout, and trying again fails again alike", async ({
  page,
  baseURL,
}, testInfo) => {
  const foreign = trackForeignRequests(page, baseURL!);
  const res = await page.goto("/testfehler", { waitUntil: "networkidle" });
  expect(res?.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1, name: "Ein Fehler ist aufgetreten" })).toBeVisible();
  await expect(page.getByText("Bitte versuchen Sie es noch einmal.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Zur Startseite" })).toHaveAttribute("href", "/");
  // The layout stays: header above, footer below.
  await expectHeader(page);
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Impressum" })).toBeVisible();
  await expectNothingForeign(page);
  await screenshot(page, testInfo, "error-page");
  await expectSkipLink(page);
  await expectNoAxeViolations(page);

  // "Erneut versuchen" renders the page again; it still fails, and the user still reads German.
  await page.getByRole("button", { name: "Erneut versuchen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ein Fehler ist aufgetreten" })).toBeVisible();
  await expectNothingForeign(page);
  // The way home works.
  await page.getByRole("main").getByRole("link", { name: "Zur Startseite" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Ein Fehler ist aufgetreten");
  expect(foreign, "requests that left the origin").toEqual([]);
});

test.describe("when the root layout itself fails", () => {
  test.use({ extraHTTPHeaders: { "x-test-fail": "layout" } });

  test("the page shows the German error page with the app's header, skip link and stylesheet", async ({
    page,
    baseURL,
  }, testInfo) => {
    const foreign = trackForeignRequests(page, baseURL!);
    const res = await page.goto("/", { waitUntil: "networkidle" });
    expect(res?.status()).toBe(500);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await expect(page.getByRole("heading", { level: 1, name: "Ein Fehler ist aufgetreten" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Erneut versuchen" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Zur Startseite" })).toHaveAttribute("href", "/");
    await expect(page).toHaveTitle("Fehler – Kommunaler Digitalcheck");
    await expectHeader(page);
    await expectNothingForeign(page);
    await screenshot(page, testInfo, "global-error-page");
    await expectSkipLink(page);
    await expectNoAxeViolations(page);
    expect(foreign, "requests that left the origin").toEqual([]);
  });
});

test("an unknown address shows the German 404 page inside the layout", async ({ page }, testInfo) => {
  const res = await page.goto("/gibt-es-nicht", { waitUntil: "networkidle" });
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
  await expectHeader(page);
  await expectNothingForeign(page);
  await screenshot(page, testInfo, "not-found-page");
  await expectSkipLink(page);
  await expectNoAxeViolations(page);
});
