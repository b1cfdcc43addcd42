import { defineConfig, devices } from "@playwright/test";
import { OPERATOR_TEST_PASSWORD_HASH } from "./tests/support/operator";
import { findChromium, SYSTEM_CHROMIUM } from "./scripts/lib/chromium.mjs";
import { unsupportedNode } from "./scripts/lib/node-version.mjs";

// Node 20 cannot run the server (better-sqlite3 13): say so before any test runs (npm test's preflight does too).
const tooOld = unsupportedNode();
if (tooOld) throw new Error(tooOld);

/**
 * API and browser tests against the production build on its own SQLite file, started fresh for
 * every run. Browser: CHROMIUM_PATH, else Playwright's own Chromium if installed, else /usr/bin/chromium
 * (scripts/lib/chromium.mjs; npm test's preflight names what is missing before any test runs).
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_FILE = "prisma/e2e.db";
/** `E2E_DATABASE_URL=postgresql://…` runs the whole suite on PostgreSQL (a fresh database, see .ci/run). */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `file:./${E2E_DATABASE_FILE}`;

const chromium = {
  executablePath: findChromium().path ?? SYSTEM_CHROMIUM,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests",
  testMatch: ["api/**/*.spec.ts", "e2e/**/*.spec.ts"],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous: on a busy 2-core machine (two workers, Chromium and the server sharing the cores) the longest
  // journeys took up to 57 s; a timeout must catch a hang, not a slow machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    launchOptions: chromium,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    {
      name: "phone",
      testMatch: "e2e/**/*.spec.ts",
      use: {
        ...devices["Pixel 5"],
        viewport: { width: 360, height: 780 },
        browserName: "chromium",
        launchOptions: chromium,
      },
    },
    {
      name: "desktop",
      testMatch: "e2e/**/*.spec.ts",
      use: { viewport: { width: 1280, height: 900 }, browserName: "chromium", launchOptions: chromium },
    },
  ],
  webServer: {
    command: E2E_DATABASE_URL.startsWith("file:")
      ? `rm -f ${E2E_DATABASE_FILE} ${E2E_DATABASE_FILE}-journal ${E2E_DATABASE_FILE}-wal ${E2E_DATABASE_FILE}-shm && node scripts/start.mjs`
      : "node scripts/start.mjs",
    url: `http://127.0.0.1:${E2E_PORT}/api/reference/2020`,
    reuseExistingServer: false,
    timeout: 240_000,
    // TRUST_PROXY: every test sends its own X-Forwarded-For (tests/support/test.ts), so that one test's
    // rate-limit counters never affect another's.
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      NODE_ENV: "production",
      TRUST_PROXY: "true",
      OPERATOR_PASSWORD_HASH: OPERATOR_TEST_PASSWORD_HASH,
      // Who runs the test instance: the accessibility statement's e-mail link to report a barrier.
      OPERATOR_NAME: "Stadt Prüfstadt, Digitalisierung",
      OPERATOR_ADDRESS: "Marktplatz 1 | 12345 Prüfstadt",
      OPERATOR_EMAIL: "barrierefreiheit@pruefstadt.example",
      // The portal's address in the invitation letters (never the request's).
      PUBLIC_URL: "https://digitalcheck.pruefstadt.example",
      // The privacy page's data protection officer and legal basis (tests/api/settings.spec.ts).
      DPO_CONTACT: "Datenschutzbeauftragte der Stadt Prüfstadt | datenschutz@pruefstadt.example",
      PRIVACY_LEGAL_BASIS: "Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit § 3 Landesdatenschutzgesetz Prüfland",
      // GET /api/metrics (tests/api/metrics.spec.ts).
      METRICS_TOKEN: "metrics-test-token-0123456789abcdef0123",
      // The error pages' test switches: /testfehler throws, `x-test-fail: layout` fails the root layout
      // (lib/testing/test-routes.ts, tests/e2e/error-pages.spec.ts). Never set in production.
      TEST_ROUTES: "true",
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
