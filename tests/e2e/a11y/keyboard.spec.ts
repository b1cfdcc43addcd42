import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../../support/test";
import { uniqueName } from "../../support/fixtures";
import { STEPS, TOTAL_STEPS } from "../../../lib/survey/reference";

/*
 * The whole journey with the keyboard only: no mouse, no click(), check() or fill(); only page.keyboard
 * and checks of where the focus is. Every element the Tab key reaches must show a visible focus
 * indicator (an outline or a box shadow in its computed style).
 */

// Each project picks its state by keyboard (and adds to that cell; nothing counts it exactly).
const STATE_OF_PROJECT: Record<string, { code: string; name: string }> = {
  phone: { code: "DE-HH", name: "Hamburg" },
  desktop: { code: "DE-BE", name: "Berlin" },
};

type TFocus = { description: string; visible: boolean };

/** The focused element, and whether it shows a focus indicator. */
async function focused(page: Page): Promise<TFocus | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline =
      s.outlineStyle !== "none" &&
      parseFloat(s.outlineWidth) > 0 &&
      !/rgba\(.*,\s*0\)$|transparent/.test(s.outlineColor);
    const shadow = s.boxShadow !== "none" && s.boxShadow !== "";
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 50);
    const description = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("type") ? ` type=${el.getAttribute("type")}` : ""}${el.getAttribute("role") ? ` role=${el.getAttribute("role")}` : ""}> ${name}`;
    return { description, visible: outline || shadow };
  });
}

class Keyboard {
  readonly invisible = new Set<string>();
  stops = 0;
  constructor(private readonly page: Page) {}

  /** Presses Tab until the target has the focus (at most `max` times), checking every stop's focus indicator. */
  async tabTo(target: Locator, max = 80) {
    for (let i = 0; i < max; i += 1) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.page.keyboard.press("Tab");
      this.stops += 1;
      const f = await focused(this.page);
      if (f && !f.visible)
        this.invisible.add(
          `${new URL(this.page.url()).pathname.replace(/[A-Za-z0-9_-]{43}/, "<token>")}: ${f.description}`,
        );
    }
    await expect(target, `reached with Tab within ${max} presses`).toBeFocused();
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
  }
}

test("the whole questionnaire, from the profile to the PDF, with the keyboard alone", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const kb = new Keyboard(page);
  const state = STATE_OF_PROJECT[testInfo.project.name]!;
  const name = uniqueName("Tastaturhausen");

  // Profile: name typed, state chosen with the arrow keys, population typed, role with the arrow keys, Enter.
  await page.goto("/start");
  await kb.tabTo(page.getByRole("combobox", { name: "Name der Kommune oder Verwaltung" }));
  await page.keyboard.type(name, { delay: 5 });
  const stateSelect = page.getByLabel("Bundesland");
  await kb.tabTo(stateSelect, 5);
  for (let i = 0; i < 20 && (await stateSelect.inputValue()) !== state.code; i += 1) await kb.press("ArrowDown");
  await expect(stateSelect).toHaveValue(state.code);
  await kb.tabTo(page.getByLabel("Einwohnerzahl"), 5);
  await page.keyboard.type("18462");
  await expect(
    page.getByText("Größenklasse: Kleinstadt (5.000 bis 19.999 Einwohnerinnen und Einwohner)"),
  ).toBeVisible();
  await kb.tabTo(page.getByRole("radio", { name: "Bürgermeisterin oder Bürgermeister" }), 5);
  await kb.press("ArrowDown");
  const role = page.getByRole("radio", { name: "Digitalisierungsverantwortliche oder -verantwortlicher" });
  await expect(role).toBeFocused();
  await expect(role).toBeChecked();
  await kb.tabTo(page.getByRole("button", { name: "Selbsteinschätzung anlegen" }), 5);
  await kb.press("Enter");
  await expect(page.getByRole("heading", { name: "Bitte speichern Sie jetzt Ihren Link" })).toBeVisible();
  const token = /\/a\/([A-Za-z0-9_-]{43})/.exec(page.url())![1]!;

  await kb.tabTo(page.getByRole("link", { name: "Mit der ersten Frage beginnen" }));
  await kb.press("Enter");

  // Every step: Tab to each question; radio groups with Space (first option) or an arrow key (second
  // option), checkboxes with Space; then Enter on "Weiter".
  const expected: Record<string, string | string[]> = {};
  let n = 0;
  for (const [i, step] of STEPS.entries()) {
    await expect(page.getByText(`Schritt ${i + 1} von ${TOTAL_STEPS}`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(step.topic.title);
    for (const q of step.questions) {
      const group = page.getByRole("group", { name: q.text });
      if (q.type === "single") {
        const first = group.getByRole("radio").first();
        await kb.tabTo(first);
        if (n % 2 === 0) {
          await kb.press("Space");
          expected[q.id] = q.options[0]!.id;
        } else {
          await kb.press("ArrowDown");
          expected[q.id] = q.options[1]!.id;
        }
        await expect(
          group.getByRole("radio", { name: q.options.find((o) => o.id === expected[q.id])!.label, exact: true }),
        ).toBeChecked();
      } else {
        const choices = q.options.filter((o) => !o.exclusive).slice(0, 2);
        for (const o of choices) {
          const box = group.getByRole("checkbox", { name: o.label, exact: true });
          await kb.tabTo(box, 10);
          await kb.press("Space");
          await expect(box).toBeChecked();
        }
        expected[q.id] = choices.map((o) => o.id);
      }
      n += 1;
    }
    await expect(page.getByRole("status").filter({ hasText: "Alle Antworten gespeichert" })).toBeVisible();
    const last = i === STEPS.length - 1;
    await kb.tabTo(page.getByRole("button", { name: last ? "Weiter zur Prüfung" : "Weiter", exact: true }));
    await kb.press(i % 2 === 0 ? "Enter" : "Space");
    await expect(page).toHaveURL(last ? /\/pruefen$/ : new RegExp(`/schritt/${i + 2}$`));
  }

  // Review and submit.
  await expect(page.getByText("Alle Fragen sind beantwortet")).toBeVisible();
  await kb.tabTo(page.getByRole("button", { name: "Selbsteinschätzung absenden" }), 150);
  await kb.press("Enter");
  await expect(page.getByText("Vielen Dank! Ihre Selbsteinschätzung ist abgeschlossen.")).toBeVisible();
  const stored = await (await request.get(`/api/assessments/${token}`)).json();
  expect(stored).toMatchObject({
    status: "submitted",
    respondentRole: "digital_officer",
    municipality: { name, state: state.code, population: 18462 },
  });
  expect(stored.answers).toEqual(expected);

  // Results, then the PDF: Tab to "Bericht als PDF" and press Enter.
  await kb.tabTo(page.getByRole("link", { name: "Ihr Ergebnis ansehen" }));
  await kb.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ergebnis: Digitalcheck ${name}`);
  await kb.tabTo(page.getByRole("link", { name: "Bericht als PDF" }));
  const download = page.waitForEvent("download");
  await kb.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Digitalcheck-.*\.pdf$/);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(10_000);

  console.log(`[keyboard ${testInfo.project.name}] ${kb.stops} Tab presses, ${n} questions answered`);
  expect([...kb.invisible], "every Tab stop shows a visible focus indicator").toEqual([]);
});
