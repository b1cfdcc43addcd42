import { test as base, expect } from "@playwright/test";

/**
 * Playwright's test with one client address per test (X-Forwarded-For; the test server trusts it):
 * rate limits are per client, so tests stay independent of each other.
 */
let counter = 0;
export function uniqueClientIp(): string {
  counter += 1;
  const n = (process.pid * 7919 + counter * 104_729 + Date.now()) % 16_000_000;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, "x-forwarded-for": uniqueClientIp() });
  },
});

export { expect };
