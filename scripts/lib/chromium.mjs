// Which Chromium the browser tests (playwright.config.ts) and npm test's preflight use, in this order:
// 1. CHROMIUM_PATH, if set (it must then exist: a wrong path is an error, not a reason to take another browser);
// 2. Playwright's own Chromium, if `npx playwright install chromium` has put it in Playwright's cache;
// 3. the distribution's Chromium at /usr/bin/chromium (Debian: `apt-get install chromium`).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Playwright's own Chromium for this version of Playwright, where it would be installed. */
export function playwrightChromium() {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ path: string | null, tried: string[] }} the Chromium to use (null: none found) and the places looked at.
 */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    return {
      path: existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null,
      tried: [`CHROMIUM_PATH=${env.CHROMIUM_PATH}`],
    };
  }
  const own = playwrightChromium();
  const candidates = [own, SYSTEM_CHROMIUM].filter((p) => p !== null);
  return { path: candidates.find((p) => existsSync(p)) ?? null, tried: candidates };
}
