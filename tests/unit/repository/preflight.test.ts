import { describe, expect, it } from "vitest";
import { findChromium } from "@/scripts/lib/chromium.mjs";
import { unsupportedNode } from "@/scripts/lib/node-version.mjs";
import { preflight, preflightMessage } from "@/scripts/lib/preflight.mjs";

// npm test's preflight (scripts/test-all.mjs): what is missing, in one block with the one install command.

const chromium = { what: "Chromium", why: "Browser der Playwright-Tests", apt: "chromium", brew: "--cask chromium" };
const sqlite = { what: "sqlite3", why: "Sicherung", apt: "sqlite3", brew: "sqlite" };
const pg = {
  what: "psql, pg_dump, pg_restore, pg_isready",
  why: "PostgreSQL",
  apt: "postgresql-client",
  brew: "libpq",
};

describe("npm test's preflight", () => {
  it("names everything missing and one apt-get command on Debian/Ubuntu", () => {
    const text = preflightMessage([chromium, sqlite, pg], "linux", false);
    expect(text).toContain("  - Chromium: Browser der Playwright-Tests");
    expect(text).toContain("  - sqlite3: Sicherung");
    expect(text).toContain("  sudo apt-get install -y chromium sqlite3 postgresql-client");
    expect(text).toContain("npx playwright install chromium");
    expect(text).toContain("Es ist noch kein Test gelaufen.");
    expect(preflightMessage([sqlite], "linux", true)).toContain("  apt-get install -y sqlite3\n");
  });

  it("gives the Homebrew command on macOS", () => {
    const text = preflightMessage([chromium, sqlite, pg], "darwin", false);
    expect(text).toContain("  brew install sqlite libpq && brew install --cask chromium");
    expect(text).not.toContain("apt-get");
  });

  it("takes CHROMIUM_PATH first and reports a path that does not exist as missing", async () => {
    expect(findChromium({ CHROMIUM_PATH: "/nirgends/chromium" })).toEqual({
      path: null,
      tried: ["CHROMIUM_PATH=/nirgends/chromium"],
    });
    const check = await preflight({ CHROMIUM_PATH: "/nirgends/chromium" });
    expect(check.missing.map((m) => m.what)).toContain("Chromium");
    expect(preflightMessage(check.missing)).toContain("CHROMIUM_PATH=/nirgends/chromium");
  });

  it("then Playwright's own Chromium, then /usr/bin/chromium", () => {
    const { tried } = findChromium({});
    expect(tried.at(-1)).toBe("/usr/bin/chromium");
    expect(tried[0]).toMatch(/ms-playwright/);
  });
});

describe("the Node.js version", () => {
  it("Node 20 is past its end of life: npm test and npm start name Node 24 from the npm registry", async () => {
    expect(unsupportedNode("24.21.0")).toBeNull();
    expect(unsupportedNode("22.12.0")).toBeNull();
    const message = unsupportedNode("20.20.2")!;
    expect(message).toContain("Node.js 20.20.2 wird nicht mehr unterstützt");
    expect(message).toContain("30. April 2026");
    expect(message).toContain("npm install --prefix ~/.cache/kommunaler-digitalcheck/node24 node@24");
    const check = await preflight({}, "20.20.2");
    expect(check.missing[0]).toMatchObject({ what: "Node.js 22 oder 24", node: true });
    const text = preflightMessage(check.missing, "linux", true);
    expect(text).toContain("  - Node.js 22 oder 24: läuft: 20.20.2, Lebensende 30.04.2026");
    expect(text).toContain("node@24");
  });
});
