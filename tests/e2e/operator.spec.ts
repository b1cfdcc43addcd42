import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { reference } from "../../lib/survey/reference";
import { createAssessment, createSubmittedAssessment, KNOWN_ANSWERS, uniqueName } from "../support/fixtures";
import { OPERATOR_TEST_PASSWORD } from "../support/operator";
import { expect, test } from "../support/test";

// Phone and desktop run in parallel against one database: each project owns a peer cell in Hessen
// (DE-HE), which no other test writes to, so the counts below are this test's own. (--repeat-each
// with several workers runs one project's repeats in parallel in the same cell; repeat with --workers=1.)
const CELL_OF_PROJECT: Record<string, { sizeClass: string; population: number }> = {
  phone: { sizeClass: "5000_19999", population: 8_000 },
  desktop: { sizeClass: "20000_99999", population: 50_000 },
};

async function expectAccessible(page: Page, title: string) {
  // After a client-side navigation the title follows the content a moment later; axe checks it too.
  await expect(page).toHaveTitle(`${title} – Kommunaler Digitalcheck`);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
}

async function peerCount(request: APIRequestContext, sizeClass: string): Promise<number | null> {
  const res = await request.get(`/api/peers?state=DE-HE&sizeClass=${sizeClass}`);
  expect(res.status()).toBe(200);
  return (await res.json()).count;
}

/** Every label of the answers the test assessments gave, and every question text: none may show. */
function answerTexts(): string[] {
  const texts = new Set<string>();
  for (const q of reference.questions) {
    texts.add(q.text);
    const chosen = KNOWN_ANSWERS[q.id as keyof typeof KNOWN_ANSWERS];
    for (const optionId of Array.isArray(chosen) ? chosen : [chosen]) {
      const label = q.options.find((o) => o.id === optionId)?.label;
      if (label) texts.add(label);
    }
  }
  return [...texts];
}

test("operator: log in, list without answers, exclude from peers, delete after confirming, log out", async ({
  page,
  request,
  context,
}, testInfo) => {
  const cell = CELL_OF_PROJECT[testInfo.project.name]!;
  const prefix = uniqueName("Betriebsstadt");
  for (let i = 0; i < 6; i += 1) {
    await createSubmittedAssessment(request, KNOWN_ANSWERS, {
      municipality: { name: `${prefix} Nr ${i}`, state: "DE-HE", population: cell.population + i },
      respondentRole: "digital_officer",
    });
  }
  const doomed = await createAssessment(request, {
    municipality: { name: `${prefix} Entwurf`, state: "DE-HE", population: cell.population },
    respondentRole: "mayor",
  });

  // Without a session, the list sends to the login.
  await page.goto("/betrieb");
  await expect(page).toHaveURL(/\/betrieb\/anmelden$/);
  await expect(page.getByRole("heading", { level: 1, name: "Anmeldung" })).toBeVisible();

  // A wrong password: a German error tied to the field.
  const password = page.getByLabel("Passwort", { exact: true });
  await password.fill("falsches-Passwort-123");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/error=wrong_password/);
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Das Passwort ist nicht richtig/);
  await expect(page.getByRole("alert").filter({ hasText: "Das Passwort ist nicht richtig" })).toBeVisible();
  // The field is emptied (with JavaScript by React's form reset, which must happen before the next fill).
  await expect(password).toHaveValue("");
  await expectAccessible(page, "Anmeldung Betriebsbereich");

  // The right password opens the list; the cookie is HttpOnly, SameSite=Strict, only for /betrieb.
  await password.fill(OPERATOR_TEST_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/betrieb$/);
  await expect(page.getByRole("heading", { level: 1, name: "Selbsteinschätzungen" })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === "dc_operator");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/betrieb", secure: false });
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(7.9 * 3600);
  expect(cookie!.expires - Date.now() / 1000).toBeLessThanOrEqual(8 * 3600 + 5);

  // Filtered by this test's names: its seven assessments, with municipality and state, never an answer.
  await page.getByLabel("Name der Kommune").fill(prefix);
  await page.getByRole("button", { name: "Liste anzeigen" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByText("7 Selbsteinschätzungen gefunden")).toBeVisible();
  const table = page.getByRole("table");
  const rowOf = (name: string) =>
    table.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  const first = rowOf(`${prefix} Nr 0`);
  await expect(first).toBeVisible();
  await expect(first.getByRole("cell", { name: "Hessen", exact: true })).toBeVisible();
  // Submitted without a participation code: listed, but not counted (docs/adr/0005).
  await expect(first.getByRole("cell", { name: "zählt nicht: ohne Teilnahmecode", exact: true })).toBeVisible();
  await expect(
    rowOf(`${prefix} Entwurf`).getByRole("cell", { name: "zählt nicht: Entwurf, ohne Teilnahmecode" }),
  ).toBeVisible();
  for (const text of answerTexts()) await expect(page.getByText(text, { exact: true })).toHaveCount(0);
  await expectAccessible(page, "Betrieb: Selbsteinschätzungen");

  // Excluding and including again: the row says so; an unverified submission never reaches the peer figures.
  const before = await peerCount(request, cell.sizeClass);
  await first.getByRole("button", { name: /^Aus Vergleich ausschließen/ }).click();
  await expect(page.getByRole("status")).toContainText("Die Selbsteinschätzung ist aus dem Vergleich ausgeschlossen.");
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(first.getByRole("cell", { name: "zählt nicht: ohne Teilnahmecode, ausgeschlossen" })).toBeVisible();
  await first.getByRole("button", { name: /^Wieder einbeziehen/ }).click();
  await expect(page.getByRole("status")).toContainText("wieder in den Vergleich einbezogen");
  await expect(first.getByRole("cell", { name: "zählt nicht: ohne Teilnahmecode", exact: true })).toBeVisible();
  expect(await peerCount(request, cell.sizeClass)).toBe(before);

  // Deleting asks first, with the municipality and the date; afterwards its link finds nothing.
  await rowOf(`${prefix} Entwurf`)
    .getByRole("link", { name: /^Löschen/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Wirklich löschen?" })).toBeVisible();
  await expect(page.getByText(`${prefix} Entwurf`, { exact: true })).toBeVisible();
  await expect(page.getByText(/\d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2}/u)).toBeVisible();
  await expectAccessible(page, "Selbsteinschätzung löschen");
  expect((await request.get(`/api/assessments/${doomed.token}`)).status()).toBe(200);
  await page.getByRole("button", { name: "Ja, endgültig löschen" }).click();
  await expect(page.getByRole("status")).toContainText("Die Selbsteinschätzung ist gelöscht.");
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByText("6 Selbsteinschätzungen gefunden")).toBeVisible();
  await expect(rowOf(`${prefix} Entwurf`)).toHaveCount(0);
  expect((await request.get(`/api/assessments/${doomed.token}`)).status()).toBe(404);

  // Logging out ends the session on the server: not even the old cookie opens the list again.
  const session = (await context.cookies()).find((c) => c.name === "dc_operator")!;
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/betrieb\/anmelden\?loggedOut=1$/);
  await expect(page.getByRole("status")).toContainText("Sie sind abgemeldet.");
  expect((await context.cookies()).find((c) => c.name === "dc_operator")).toBeUndefined();
  await page.goto("/betrieb");
  await expect(page).toHaveURL(/\/betrieb\/anmelden$/);
  await context.addCookies([session]);
  await page.goto("/betrieb");
  await expect(page).toHaveURL(/\/betrieb\/anmelden$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("operator: login, exclusion and deletion are plain form posts", async ({ page, request }) => {
    // Drafts only: they never count as peers, so this test touches no peer cell.
    const name = uniqueName("Ohne-JS-Stadt");
    const { token } = await createAssessment(request, {
      municipality: { name, state: "DE-HE", population: 700 },
      respondentRole: "other",
    });

    await page.goto("/betrieb/anmelden");
    await page.getByLabel("Passwort", { exact: true }).fill(OPERATOR_TEST_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/\/betrieb$/);

    await page.getByLabel("Name der Kommune").fill(name);
    await page.getByRole("button", { name: "Liste anzeigen" }).click();
    await expect(page.getByText("1 Selbsteinschätzung gefunden")).toBeVisible();
    await page.getByRole("button", { name: `Aus Vergleich ausschließen: ${name}` }).click();
    await expect(page.getByRole("status")).toContainText(
      "Die Selbsteinschätzung ist aus dem Vergleich ausgeschlossen.",
    );
    await expect(
      page.getByRole("cell", { name: "zählt nicht: Entwurf, ohne Teilnahmecode, ausgeschlossen" }),
    ).toBeVisible();

    await page.getByRole("link", { name: `Löschen: ${name}` }).click();
    await page.getByRole("button", { name: "Ja, endgültig löschen" }).click();
    await expect(page.getByRole("status")).toContainText("Die Selbsteinschätzung ist gelöscht.");
    await expect(page.getByText("Keine Selbsteinschätzung passt zu diesen Filtern.")).toBeVisible();
    expect((await request.get(`/api/assessments/${token}`)).status()).toBe(404);

    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page).toHaveURL(/\/betrieb\/anmelden\?loggedOut=1$/);
  });
});
