import type { Page } from "@playwright/test";
import { createAssessment, uniqueName } from "../support/fixtures";
import { OPERATOR_TEST_PASSWORD } from "../support/operator";
import { expect, test } from "../support/test";

test("without a valid session the operator pages list nothing and send to the login", async ({ request }) => {
  const name = uniqueName("Geheimdorf");
  const { id } = await createAssessment(request, {
    municipality: { name, state: "DE-HB", population: 3_000 },
    respondentRole: "mayor",
  });

  for (const cookie of [undefined, `dc_operator=${"A".repeat(43)}`, "dc_operator=kaputt"]) {
    const headers = cookie ? { cookie } : undefined;
    for (const path of [`/betrieb?q=${encodeURIComponent(name)}`, `/betrieb/loeschen/${id}`]) {
      const res = await request.get(path, { headers, maxRedirects: 0 });
      expect(res.status(), `${path} with ${cookie ?? "no cookie"}`).toBe(307);
      expect(res.headers()["location"]).toMatch(/\/betrieb\/anmelden$/);
      expect(await res.text()).not.toContain(name);

      const followed = await request.get(path, { headers });
      expect(followed.status()).toBe(200);
      const html = await followed.text();
      expect(html).toContain("Anmeldung");
      expect(html).not.toContain(name);
      expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    }
  }
});

/**
 * One login attempt from a freshly loaded login page: with JavaScript, React resets the form after the
 * action, and a reset arriving after the next fill would submit an empty field.
 */
async function submitLogin(page: Page, password: string) {
  await page.goto("/betrieb/anmelden");
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/betrieb/anmelden"),
    page.getByRole("button", { name: "Anmelden" }).click(),
  ]);
}

// Login attempts are counted per client address; this test has an address of its own (tests/support/test.ts).
test("login rate limit: the 6th attempt within 15 minutes is refused, even with the right password", async ({
  page,
}) => {
  // The limit counts in fixed 15-minute windows; the attempts must not straddle two of them.
  const secondsIntoWindow = (Date.now() / 1000) % 900;
  if (secondsIntoWindow > 870) await page.waitForTimeout((900 - secondsIntoWindow + 1) * 1000);

  const password = page.getByLabel("Passwort", { exact: true });
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitLogin(page, `falsch-${attempt}`);
    await expect(page).toHaveURL(/error=wrong_password/);
    await expect(page.getByRole("alert").filter({ hasText: "Das Passwort ist nicht richtig" })).toBeVisible();
  }
  await submitLogin(page, "falsch-6");
  await expect(page).toHaveURL(/error=rate_limited/);
  await expect(password).toHaveAccessibleDescription(
    /^Zu viele Anmeldeversuche\. Bitte warten Sie \d+ (Minuten?|Sekunden?) und versuchen Sie es dann erneut\.$/,
  );

  // The limit is checked before the password: the right one does not get through either.
  await submitLogin(page, OPERATOR_TEST_PASSWORD);
  await expect(page).toHaveURL(/error=rate_limited/);
  await expect(page.getByRole("alert").filter({ hasText: "Zu viele Anmeldeversuche" })).toBeVisible();
  await page.goto("/betrieb");
  await expect(page).toHaveURL(/\/betrieb\/anmelden$/);
});

// Only failures count: an operator who logs in more often than the limit is never locked out by it.
test("login rate limit: right passwords do not count, so six logins in a row and then four wrong ones pass", async ({
  page,
  context,
}) => {
  const secondsIntoWindow = (Date.now() / 1000) % 900;
  if (secondsIntoWindow > 840) await page.waitForTimeout((900 - secondsIntoWindow + 1) * 1000);

  for (let i = 0; i < 6; i += 1) {
    await context.clearCookies();
    await submitLogin(page, OPERATOR_TEST_PASSWORD);
    await expect(page).toHaveURL(/\/betrieb$/);
  }
  await context.clearCookies();
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await submitLogin(page, `falsch-${attempt}`);
    await expect(page).toHaveURL(/error=wrong_password/);
  }
  // Four failures so far: the fifth attempt, right, still opens the operator area.
  await submitLogin(page, OPERATOR_TEST_PASSWORD);
  await expect(page).toHaveURL(/\/betrieb$/);
});
