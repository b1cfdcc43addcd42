import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { OPERATOR_TEST_PASSWORD, OPERATOR_TEST_PASSWORD_HASH } from "../support/operator";
import { OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET, startOidcProvider, type TOidcProvider } from "../support/oidc";
import { createTestDatabase, serverDiagnostics, startServer, type TServer } from "../support/server";
import { expect, test } from "../support/test";

// Named operator accounts (docs/operations.md): the login with OpenID Connect against a real provider
// (oidc-provider, tests/support/oidc-provider.mjs), its refusals as German pages, the logout at the provider, the
// shared password as the fallback, and each of them in the audit trail. Runs on the suite's provider.
test.describe.configure({ mode: "serial", timeout: 180_000 });
const APP_PORT = 20_020 + Number(process.env.E2E_PORT ?? 3100);
const PROVIDER_PORT = APP_PORT + 1;
const APP_URL = `http://127.0.0.1:${APP_PORT}`;

let server: TServer | undefined;
let provider: TOidcProvider | undefined;
let database: { url: string; drop: () => void } | undefined;

test.beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "oidc-"));
  database = createTestDatabase(dir, "oidc");
  const env = {
    DATABASE_URL: database.url,
    OPERATOR_PASSWORD_HASH: OPERATOR_TEST_PASSWORD_HASH,
    PUBLIC_URL: APP_URL,
    OIDC_ISSUER: `http://127.0.0.1:${PROVIDER_PORT}`,
    OIDC_CLIENT_ID: OIDC_TEST_CLIENT_ID,
    OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT_SECRET,
    // Anna by subject, the two tampered accounts by e-mail (so that only the token decides), Gruppe by group.
    OIDC_ALLOWED_OPERATORS: "anna, fremde-anwendung@example.test, abgelaufen@example.test",
    OIDC_REQUIRED_ROLE: "digitalcheck-betrieb",
  };
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: { ...process.env, ...env } });
  // The provider starts in the first test: until then it cannot be reached.
  server = await startServer(APP_PORT, env);
});

test.afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  database?.drop();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    console.log(serverDiagnostics(server, "app"));
    console.log(provider?.output());
  }
});

/** "Mit Dienstkonto anmelden", then the provider's login as `account`: where the browser ends up. */
async function logInAs(page: Page, account: string) {
  await page.goto(`${APP_URL}/betrieb/anmelden`);
  await page.getByRole("link", { name: "Mit Dienstkonto anmelden" }).click();
  await expect(page.getByRole("heading", { name: "Anmeldedienst (Test)" })).toBeVisible();
  await page.getByLabel("Kennung").fill(account);
  await page.getByRole("button", { name: "Anmelden beim Anmeldedienst" }).click();
}

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
}

/** The audit trail's CSV export as rows of cells (the operator's cookie travels with the page's context). */
async function auditRows(page: Page): Promise<string[][]> {
  const res = await page.request.get(`${APP_URL}/betrieb/protokoll/export.csv`);
  expect(res.status()).toBe(200);
  const text = await res.text();
  return text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(";"));
}

test("provider unreachable: a German message on the login page, no 500, and a failed login in the trail", async ({
  page,
}) => {
  await page.goto(`${APP_URL}/betrieb/anmelden`);
  await page.getByRole("link", { name: "Mit Dienstkonto anmelden" }).click();
  await expect(page).toHaveURL(/\/betrieb\/anmelden\?fehler=unreachable$/);
  await expect(page.locator(".kern-alert--danger")).toContainText("Der Anmeldedienst ist gerade nicht erreichbar.");
  await expectAccessible(page);
  await page.getByLabel("Passwort", { exact: true }).fill(OPERATOR_TEST_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(`${APP_URL}/betrieb`);
  const failed = (await auditRows(page)).find((r) => r[4] === "Anmeldung fehlgeschlagen");
  expect(failed?.slice(2, 6)).toEqual(["Unbekanntes Dienstkonto", "", "Anmeldung fehlgeschlagen", "abgelehnt"]);
  expect(failed?.join(";")).toContain("Anmeldedienst nicht erreichbar");
  provider = await startOidcProvider(PROVIDER_PORT, APP_URL);
});

test("named login at 360 and 1280 px: in at the provider, the trail names the account, out at the provider too", async ({
  page,
}) => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${APP_URL}/betrieb/anmelden`);
    await expect(page.getByRole("heading", { name: "Mit Ihrem Dienstkonto" })).toBeVisible();
    // The shared password stays as the fallback beside it.
    await expect(page.getByLabel("Passwort", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`anmelden-${width}.png`), fullPage: true });

    await logInAs(page, "anna");
    await expect(page).toHaveURL(`${APP_URL}/betrieb`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Selbsteinschätzungen");

    await page.getByRole("link", { name: "Protokoll", exact: true }).click();
    await expect(page).toHaveURL(`${APP_URL}/betrieb/protokoll`);
    await expect(page.getByText("Sie sind angemeldet als Test Anna <anna@example.test>.")).toBeVisible();
    const first = page.getByRole("row").nth(1);
    await expect(first).toContainText("Test Anna <anna@example.test>");
    await expect(first).toContainText("Anmeldung");
    await expect(first).toContainText("erfolgreich");
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`protokoll-oidc-${width}.png`), fullPage: true });

    // Logging out ends the session here and sends the browser to the provider's end_session_endpoint, which
    // sends it back to the login page.
    await page.goto(`${APP_URL}/betrieb`);
    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page.getByRole("heading", { name: "Abmelden beim Anmeldedienst" })).toBeVisible();
    expect(new URL(page.url()).port).toBe(String(PROVIDER_PORT));
    await page.getByRole("button", { name: "Ja, abmelden" }).click();
    await expect(page).toHaveURL(`${APP_URL}/betrieb/anmelden?loggedOut=1`);
    await expect(page.getByRole("status")).toContainText("Sie sind abgemeldet.");
    expect((await page.request.get(`${APP_URL}/betrieb`, { maxRedirects: 0 })).status()).toBe(307);
  }
  // The trail, read by a member of the operators' group: two logins and two logouts of Anna.
  await logInAs(page, "gruppe-bernd");
  await expect(page).toHaveURL(`${APP_URL}/betrieb`);
  const rows = await auditRows(page);
  const anna = rows.filter((r) => r[2] === "Test Anna <anna@example.test>");
  expect(anna.map((r) => [r[3], r[4], r[5]])).toEqual([
    ["anna", "Abmeldung", "erfolgreich"],
    ["anna", "Anmeldung", "erfolgreich"],
    ["anna", "Abmeldung", "erfolgreich"],
    ["anna", "Anmeldung", "erfolgreich"],
  ]);
  expect(rows[0]!.slice(2, 6)).toEqual([
    "Test Gruppe-bernd <gruppe-bernd@example.test>",
    "gruppe-bernd",
    "Anmeldung",
    "erfolgreich",
  ]);
});

for (const [account, refusal, message, detail] of [
  [
    "fremde-anwendung",
    "wrong_audience",
    "Der Anmeldedienst hat eine Bestätigung für eine andere Anwendung geschickt.",
    "Bestätigung für eine andere Anwendung (aud)",
  ],
  [
    "abgelaufen",
    "expired_token",
    "Die Bestätigung des Anmeldedienstes war abgelaufen.",
    "Bestätigung abgelaufen (exp)",
  ],
  [
    "mallory",
    "not_allowed",
    "Ihr Dienstkonto ist für den Betriebsbereich nicht freigeschaltet.",
    "Konto nicht freigeschaltet",
  ],
] as const) {
  test(`refused: ${refusal} (${account}) gets a German page, no session, a failure in the trail`, async ({ page }) => {
    await logInAs(page, account);
    await expect(page).toHaveURL(`${APP_URL}/betrieb/anmelden?fehler=${refusal}`);
    await expect(page.locator(".kern-alert--danger")).toContainText(message);
    await expectAccessible(page);
    expect((await page.request.get(`${APP_URL}/betrieb`, { maxRedirects: 0 })).status()).toBe(307);
    // An operator sees the failure in the trail.
    await page.getByLabel("Passwort", { exact: true }).fill(OPERATOR_TEST_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(`${APP_URL}/betrieb`);
    const failed = (await auditRows(page)).find((r) => r[4] === "Anmeldung fehlgeschlagen");
    expect(failed).toBeDefined();
    expect(failed![5]).toBe("abgelehnt");
    expect(failed!.join(";")).toContain(detail);
    // The account is named where the token was valid (not allowed); a token refused as a whole names nobody.
    expect(failed![2]).toBe(
      refusal === "not_allowed" ? "Test Mallory <mallory@example.test>" : "Unbekanntes Dienstkonto",
    );
  });
}

test("bad state: a callback without the browser's transaction, or with another state, is refused", async ({ page }) => {
  await page.goto(`${APP_URL}/betrieb/anmelden/dienstkonto/rueckkehr?code=erfunden&state=erfunden`);
  await expect(page).toHaveURL(`${APP_URL}/betrieb/anmelden?fehler=bad_state`);
  await expect(page.locator(".kern-alert--danger")).toContainText(
    "Die Anmeldung war abgelaufen oder gehört nicht zu diesem Browser.",
  );
  // A started login whose callback carries another state (a forged link) is refused too.
  await page.goto(`${APP_URL}/betrieb/anmelden`);
  const start = await page.request.get(`${APP_URL}/betrieb/anmelden/dienstkonto`, { maxRedirects: 0 });
  expect(start.status()).toBe(303);
  const authorize = new URL(start.headers().location!);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${APP_URL}/betrieb/anmelden/dienstkonto/rueckkehr`);
  const forged = await page.request.get(
    `${APP_URL}/betrieb/anmelden/dienstkonto/rueckkehr?code=x&state=${authorize.searchParams.get("state")}x`,
    { maxRedirects: 0 },
  );
  expect(forged.status()).toBe(303);
  expect(forged.headers().location).toBe("/betrieb/anmelden?fehler=bad_state");
});

test("fallback: the shared password still logs in beside named accounts; a wrong one is a failure in the trail", async ({
  page,
}) => {
  await page.goto(`${APP_URL}/betrieb/anmelden`);
  await page.getByLabel("Passwort", { exact: true }).fill("falsch-geraten-1234");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.locator("#password-error, .kern-error").first()).toContainText("Das Passwort ist nicht richtig.");
  await page.getByLabel("Passwort", { exact: true }).fill(OPERATOR_TEST_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(`${APP_URL}/betrieb`);
  const rows = await auditRows(page);
  expect(rows[0]!.slice(2, 6)).toEqual(["Gemeinsames Passwort", "", "Anmeldung", "erfolgreich"]);
  expect(rows[1]!.slice(2, 6)).toEqual(["Gemeinsames Passwort", "", "Anmeldung fehlgeschlagen", "abgelehnt"]);
  expect(rows[1]!.join(";")).toContain("Falsches Passwort");
  // A password session logs out here only (no provider involved).
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(`${APP_URL}/betrieb/anmelden?loggedOut=1`);
});
