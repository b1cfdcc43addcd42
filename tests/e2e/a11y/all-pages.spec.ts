import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { expect, test } from "../../support/test";
import { completeAnswers, createAssessment, KNOWN_ANSWERS, fillVerifiedCell } from "../../support/fixtures";
import { STEPS } from "../../../lib/survey/reference";
import type { TSizeClass } from "../../../lib/profile/size-class";

/*
 * Every page: axe (WCAG 2.0/2.1 A and AA) with zero violations, exactly one h1, one main landmark,
 * lang="de", and the skip link as the first focusable element that moves focus to main.
 * All checks are soft, so one run reports every page.
 *
 * Peer cells: phone and desktop run in parallel against one database, so each project owns a cell
 * (Hamburg resp. Berlin, Kleinstädte) that no other test uses; Saarland × Großstädte stays empty.
 */
const OWN_CELL: Record<string, { state: string; sizeClass: TSizeClass }> = {
  phone: { state: "DE-BY", sizeClass: "5000_19999" },
  desktop: { state: "DE-NW", sizeClass: "5000_19999" },
};
const EMPTY_CELL = "state=DE-SL&sizeClass=gte_100000";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type TAudit = {
  path: string;
  label?: string;
  status?: number;
  shows?: string | RegExp;
  prepare?: (page: Page) => Promise<void>;
};

/** Five submitted assessments in the project's own cell, so that its peer comparison is shown (k = 5). */
async function fillOwnCell(request: APIRequestContext, testInfo: TestInfo, offset: number) {
  const cell = OWN_CELL[testInfo.project.name]!;
  const tokens = await fillVerifiedCell(request, cell, offset, (i) => ({
    ...completeAnswers(),
    e_file: i < 2 ? "in_use" : "planned",
  }));
  return { cell, tokens };
}

/** Opens every chart's data table (the results and peer pages hide them behind a toggle). */
async function openAllTables(page: Page) {
  const toggles = page.getByRole("button", { name: "Daten als Tabelle anzeigen" });
  const total = await toggles.count();
  expect(total, "tables to open").toBeGreaterThan(0);
  for (let i = 0; i < total; i += 1) await toggles.first().click();
  await expect(page.getByRole("button", { name: "Tabelle ausblenden" })).toHaveCount(total);
}

async function audit(page: Page, testInfo: TestInfo, pages: TAudit[]) {
  const project = testInfo.project.name;
  const summary: string[] = [];
  for (const { path, label = path, status = 200, shows, prepare } of pages) {
    await test.step(label, async () => {
      const res = await page.goto(path, { waitUntil: "networkidle" });
      expect.soft(res?.status(), `${label}: HTTP status`).toBe(status);
      if (shows) await expect.soft(page.getByText(shows).first(), `${label}: the page state under test`).toBeVisible();
      expect.soft(await page.locator("html").getAttribute("lang"), `${label}: lang`).toBe("de");
      expect.soft(await page.locator("h1").count(), `${label}: exactly one h1`).toBe(1);
      await expect
        .soft(
          page.getByRole("banner").getByRole("link", { name: "Leichte Sprache" }),
          `${label}: the header links to Leichte Sprache`,
        )
        .toHaveAttribute("href", "/leichte-sprache");
      expect
        .soft(await page.getByRole("heading", { level: 1 }).count(), `${label}: one visible level-1 heading`)
        .toBe(1);
      expect.soft(await page.getByRole("main").count(), `${label}: one main landmark`).toBe(1);

      // The skip link: the first Tab stop, visible when focused, and Enter moves focus to main.
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
      expect
        .soft(first, `${label}: the skip link is the first focusable element and visible on focus`)
        .toEqual({ text: "Zum Inhalt springen", href: "#inhalt", visible: true });
      await page.keyboard.press("Enter");
      expect
        .soft(
          await page.evaluate(() => document.activeElement === document.querySelector("main")),
          `${label}: the skip link moves focus to main`,
        )
        .toBe(true);

      if (prepare) await prepare(page);
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      const violations = result.violations.map(
        (v) =>
          `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes
            .slice(0, 5)
            .map((n) => n.target.join(" "))
            .join(" | ")}`,
      );
      summary.push(
        `${label}: ${violations.length} violations${violations.length ? ` – ${result.violations.map((v) => v.id).join(", ")}` : ""}`,
      );
      console.log(
        `[a11y ${project}] ${label} → ${violations.length} axe violations${violations.length ? `\n    ${violations.join("\n    ")}` : ""}`,
      );
      expect.soft(violations, `${label}: axe ${WCAG.join(", ")}`).toEqual([]);
    });
  }
  console.log(`[a11y ${project}] ${pages.length} pages scanned:\n  ${summary.join("\n  ")}`);
}

test.describe.configure({ timeout: 180_000 });

test("information pages, the 404 page and the operator login", async ({ page }, testInfo) => {
  await audit(page, testInfo, [
    { path: "/" },
    { path: "/start" },
    { path: "/methodik" },
    { path: "/datenschutz" },
    { path: "/impressum" },
    { path: "/barrierefreiheit" },
    { path: "/leichte-sprache" },
    { path: "/geloescht" },
    { path: "/gibt-es-nicht", label: "unknown URL (404 page)", status: 404 },
    { path: `/a/${"x".repeat(43)}`, label: "unknown edit link (404 page)", status: 404 },
    { path: "/betrieb/anmelden", label: "/betrieb/anmelden (operator login)" },
  ]);
});

test("the peer page and the Lagebild: without filters, with filters shown and suppressed, tables open, and an unknown filter", async ({
  page,
  request,
}, testInfo) => {
  // Ten municipalities (two releases of five; the other test's five come on top): from 2k the Lagebild shows
  // its histogram and the quartiles.
  const { cell } = await fillOwnCell(request, testInfo, 0);
  await fillOwnCell(request, testInfo, 10);
  const own = `state=${cell.state}&sizeClass=${cell.sizeClass}`;
  await audit(page, testInfo, [
    { path: "/vergleich", label: "/vergleich (no filter)" },
    { path: `/vergleich?${own}`, label: "/vergleich (filtered, shown)", shows: /Verglichen mit \d+ von/ },
    { path: `/vergleich?${own}`, label: "/vergleich (filtered, shown, tables open)", prepare: openAllTables },
    {
      path: `/vergleich?${EMPTY_CELL}`,
      label: "/vergleich (filtered, suppressed)",
      shows: "Zu wenige Vergleichskommunen",
    },
    { path: "/vergleich?state=DE-BY", label: "/vergleich (state only)" },
    {
      path: "/lagebild",
      label: "/lagebild (Germany)",
      shows: /Verwaltungen des amtlichen Gemeindeverzeichnisses nehmen teil/,
    },
    { path: `/lagebild?${own}`, label: "/lagebild (filtered, shown, tables open)", prepare: openAllTables },
    {
      path: `/lagebild?${EMPTY_CELL}`,
      label: "/lagebild (filtered, suppressed)",
      shows: "Zu wenige Vergleichskommunen",
    },
    {
      path: "/vergleich?state=DE-XX",
      label: "/vergleich (unknown filter value)",
      shows: "Diese Auswahl gibt es nicht",
    },
  ]);
});

test("a draft: overview, new-link notice, every step, review and preliminary result", async ({
  page,
  request,
}, testInfo) => {
  const { token } = await createAssessment(request);
  const firstStep = Object.fromEntries(
    STEPS[0]!.questions.map((q) => [q.id, (KNOWN_ANSWERS as Record<string, unknown>)[q.id]]),
  );
  expect(
    (await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: firstStep } })).status(),
  ).toBe(200);
  await audit(page, testInfo, [
    { path: `/a/${token}`, label: "/a/<token> (draft)" },
    { path: `/a/${token}?neu=1`, label: "/a/<token>?neu=1 (link just created)" },
    ...STEPS.map((_, i) => ({ path: `/a/${token}/schritt/${i + 1}`, label: `/a/<token>/schritt/${i + 1}` })),
    { path: `/a/${token}/pruefen`, label: "/a/<token>/pruefen (questions open)" },
    { path: `/a/${token}/ergebnis`, label: "/a/<token>/ergebnis (preliminary)" },
    {
      path: `/a/${token}/ergebnis?leichteSprache=ja`,
      label: "/a/<token>/ergebnis?leichteSprache=ja (preliminary)",
      shows: "Das Ergebnis kann sich also noch ändern.",
    },
  ]);
});

test("colleagues: a colleague's overview and every step, the comparison, revoked and closed links", async ({
  page,
  request,
}, testInfo) => {
  const { token } = await createAssessment(request);
  expect(
    (await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: KNOWN_ANSWERS } })).status(),
  ).toBe(200);
  const invite = async (role: string) =>
    (await (await request.post(`/api/assessments/${token}/colleagues`, { data: { role } })).json()) as {
      id: string;
      token: string;
    };
  const [open, revoked] = [await invite("it"), await invite("finance")];
  expect(
    (
      await request.put(`/api/colleagues/${open.token}/answers`, {
        data: { version: 1, answers: { e_file: "in_use", e_payment: "skip", obstacles: "skip" } },
      })
    ).status(),
  ).toBe(200);
  expect((await request.delete(`/api/assessments/${token}/colleagues/${revoked.id}`)).status()).toBe(204);
  await audit(page, testInfo, [
    { path: `/a/${token}`, label: "/a/<token> (with invitations)", shows: "Kolleginnen und Kollegen einbeziehen" },
    { path: `/k/${open.token}`, label: "/k/<token> (a colleague's overview)" },
    ...STEPS.map((_, i) => ({ path: `/k/${open.token}/schritt/${i + 1}`, label: `/k/<token>/schritt/${i + 1}` })),
    { path: `/a/${token}/kollegium`, label: "/a/<token>/kollegium (comparison)", shows: "Wo wir uns uneinig sind" },
    { path: `/k/${revoked.token}`, label: "/k/<token> (revoked)", shows: "Diese Einladung gilt nicht mehr" },
  ]);
  expect((await request.post(`/api/assessments/${token}/colleagues/close`)).status()).toBe(200);
  await audit(page, testInfo, [
    { path: `/k/${open.token}`, label: "/k/<token> (round closed)", shows: "Die Runde ist beendet" },
    { path: `/a/${token}/kollegium?beendet=1`, label: "/a/<token>/kollegium (round closed)" },
  ]);
});

test("a submitted assessment: overview, results (tables closed and open), peer comparison, review", async ({
  page,
  request,
}, testInfo) => {
  const { tokens } = await fillOwnCell(request, testInfo, 5);
  const token = tokens[4]!;
  const complete = await createAssessment(request);
  expect(
    (
      await request.put(`/api/assessments/${complete.token}/answers`, { data: { version: 1, answers: KNOWN_ANSWERS } })
    ).status(),
  ).toBe(200);
  await audit(page, testInfo, [
    { path: `/a/${token}`, label: "/a/<token> (submitted)" },
    { path: `/a/${token}?abgeschlossen=1`, label: "/a/<token>?abgeschlossen=1 (thank-you notice)" },
    { path: `/a/${token}/ergebnis`, label: "/a/<token>/ergebnis" },
    { path: `/a/${token}/ergebnis`, label: "/a/<token>/ergebnis (tables open)", prepare: openAllTables },
    {
      path: `/a/${token}/ergebnis?leichteSprache=ja`,
      label: "/a/<token>/ergebnis?leichteSprache=ja",
      shows: "Das macht Ihre Kommune schon gut",
    },
    {
      path: `/a/${token}/vergleich`,
      label: "/a/<token>/vergleich",
      shows: "Reifegrad-Index der Vergleichskommunen",
    },
    { path: `/a/${token}/vergleich`, label: "/a/<token>/vergleich (tables open)", prepare: openAllTables },
    { path: `/a/${complete.token}/pruefen`, label: "/a/<token>/pruefen (all answered)" },
  ]);
});
