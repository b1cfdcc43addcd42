import "server-only";
import { headers } from "next/headers";

/**
 * Switches for the browser tests of the error pages, off unless the server was started with
 * `TEST_ROUTES=true` (playwright.config.ts's webServer sets it; docs/operations.md). Read per request, never
 * inlined at build time, and deliberately not part of lib/env.ts: a test switch, not configuration of the
 * application. Without it `/testfehler` answers 404 and the header below is ignored, so a production instance
 * never fails on request.
 */
export const testRoutesEnabled = () => process.env.TEST_ROUTES === "true";

/** The request header with which a test makes the root layout fail, to show app/global-error.tsx. */
export const TEST_FAIL_HEADER = "x-test-fail";

/** Throws when test routes are on and the request asks for a failure here (`x-test-fail: layout`). */
export async function failForTest(where: "layout"): Promise<void> {
  if (!testRoutesEnabled()) return;
  if ((await headers()).get(TEST_FAIL_HEADER) === where) {
    throw new Error(`Failure requested by a test in the ${where} (TEST_ROUTES=true)`);
  }
}
