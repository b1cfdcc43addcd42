import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { expect, test } from "../../support/test";
import { completeAnswers, createAssessment, KNOWN_ANSWERS, uniqueName, fillVerifiedCell } from "../../support/fixtures";
import { STEPS } from "../../../lib/survey/reference";
import type { TSizeClass } from "../../../lib/profile/size-class";

/*
 * Reflow (WCAG 1.4.10): 1280 × 1024 CSS px at 400 % zoom is a 320 × 256 viewport. No page may scroll
 * horizontally; content wider than that (data tables) may only scroll inside a focusable scroll region
 * (role=region, tabindex=0), and nothing may be cut off at the right edge.
 *
 * Peer cells as in all-pages.spec.ts: each project owns one (Hamburg resp. Berlin, Kleinstädte).
 */
const OWN_CELL: Record<string, { state: string; sizeClass: TSizeClass }> = {
  phone: { state: "DE-BW", sizeClass: "20000_99999" },
  desktop: { state: "DE-NW", sizeClass: "20000_99999" },
};
const WIDTH = 320;

test.use({ viewport: { width: WIDTH, height: 256 } });

type TReflow = {
  viewport: number;
  scrollWidth: number;
  bodyScrollWidth: number;
  cutOff: string[];
  scrollers: string[];
};

async function measure(page: Page): Promise<TReflow> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}> "${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}" (${Math.round(el.getBoundingClientRect().left)}–${Math.round(el.getBoundingClientRect().right)} px)`;
    const inRegion = (el: Element) => {
      const region = el.parentElement?.closest('[role="region"][tabindex="0"]');
      return !!region && ["auto", "scroll"].includes(getComputedStyle(region).overflowX);
    };
    const clipped = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === "none" || s.visibility === "hidden") return true;
        // Visually hidden text (kern-sr-only, skip link before focus) is not content that has to reflow.
        if (
          s.position === "absolute" &&
          (s.clip !== "auto" || s.clipPath !== "none" || e.getBoundingClientRect().right < 0)
        )
          return true;
      }
      return false;
    };
    const cutOff: string[] = [];
    const scrollers: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.right > vw + 1 && !inRegion(el) && !clipped(el)) cutOff.push(describe(el));
      const s = getComputedStyle(el);
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        ["auto", "scroll"].includes(s.overflowX) &&
        !(el.getAttribute("role") === "region" && el.getAttribute("tabindex") === "0")
      )
        scrollers.push(describe(el));
    }
    return {
      viewport: vw,
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      cutOff,
      scrollers,
    };
  });
}

async function openAllTables(page: Page) {
  const toggles = page.getByRole("button", { name: "Daten als Tabelle anzeigen" });
  const total = await toggles.count();
  for (let i = 0; i < total; i += 1) await toggles.first().click();
  await expect(page.getByRole("button", { name: "Tabelle ausblenden" })).toHaveCount(total);
  return total;
}

async function fillOwnCell(request: APIRequestContext, testInfo: TestInfo, offset: number) {
  const cell = OWN_CELL[testInfo.project.name]!;
  const tokens = await fillVerifiedCell(request, cell, offset, (i) => (i === 4 ? KNOWN_ANSWERS : completeAnswers()));
  return { cell, token: tokens[4]! };
}

async function expectReflow(page: Page, label: string, testInfo: TestInfo) {
  const m = await measure(page);
  console.log(
    `[reflow ${testInfo.project.name}] ${label}: scrollWidth ${m.scrollWidth} px at a ${m.viewport} px viewport${m.cutOff.length ? `; wider than the viewport: ${m.cutOff.slice(0, 5).join("; ")}` : ""}`,
  );
  expect
    .soft(m.scrollWidth, `${label}: no horizontal scrolling of the page\n${m.cutOff.slice(0, 10).join("\n")}`)
    .toBeLessThanOrEqual(WIDTH + 1);
  expect.soft(m.bodyScrollWidth, `${label}: body not wider than the viewport`).toBeLessThanOrEqual(WIDTH + 1);
  expect
    .soft(m.cutOff, `${label}: nothing reaches beyond the right edge outside a focusable scroll region`)
    .toEqual([]);
  expect
    .soft(m.scrollers, `${label}: horizontal scrolling only in focusable regions (role=region, tabindex=0)`)
    .toEqual([]);
}

test("landing, profile and questionnaire steps reflow at 320 px", async ({ page, request }, testInfo) => {
  const { token } = await createAssessment(request, {
    municipality: { name: uniqueName("Zoomstadt"), state: "DE-BY", population: 12_850 },
    respondentRole: "mayor",
  });
  await page.goto("/");
  await expectReflow(page, "/", testInfo);
  await page.goto("/start");
  await expectReflow(page, "/start", testInfo);
  for (let i = 1; i <= STEPS.length; i += 1) {
    await page.goto(`/a/${token}/schritt/${i}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(STEPS[i - 1]!.topic.title);
    await expectReflow(page, `/a/<token>/schritt/${i}`, testInfo);
  }
  // With the error summary and the messages next to the fields.
  await page.goto(`/a/${token}/schritt/1`);
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" })).toBeVisible();
  await expectReflow(page, "/a/<token>/schritt/1 (with errors)", testInfo);
  await page.goto(`/a/${token}`);
  await expectReflow(page, "/a/<token>", testInfo);
});

test("the results page reflows at 320 px, with its tables closed and open", async ({ page, request }, testInfo) => {
  const { token } = await fillOwnCell(request, testInfo, 0);
  await page.goto(`/a/${token}/ergebnis`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ergebnis: Digitalcheck");
  await expectReflow(page, "/a/<token>/ergebnis", testInfo);
  const tables = await openAllTables(page);
  expect(tables).toBeGreaterThan(20);
  await expectReflow(page, `/a/<token>/ergebnis (${tables} tables open)`, testInfo);
});

test("the peer pages reflow at 320 px, with their tables closed and open", async ({ page, request }, testInfo) => {
  const { cell, token } = await fillOwnCell(request, testInfo, 5);
  await page.goto(`/vergleich?state=${cell.state}&sizeClass=${cell.sizeClass}`);
  await expect(page.getByText(/Verglichen mit \d+ von/)).toBeVisible();
  await expectReflow(page, "/vergleich (filtered)", testInfo);
  const tables = await openAllTables(page);
  await expectReflow(page, `/vergleich (filtered, ${tables} tables open)`, testInfo);
  await page.goto(`/a/${token}/vergleich`);
  await expectReflow(page, "/a/<token>/vergleich", testInfo);
  await openAllTables(page);
  await expectReflow(page, "/a/<token>/vergleich (tables open)", testInfo);
});
