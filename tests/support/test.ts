import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { checkResponseBody } from "./response-schemas";

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

const METHODS = new Set(["get", "post", "put", "patch", "delete", "fetch"]);

/**
 * The request fixture, checking every JSON answer of the API against the response schema of its route
 * (tests/support/response-schemas.ts): a response that does not match its schema fails the test that
 * received it, whatever that test asserts.
 */
function checkingResponses(request: APIRequestContext): APIRequestContext {
  return new Proxy(request, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || !METHODS.has(prop) || typeof value !== "function")
        return typeof value === "function" ? value.bind(target) : value;
      return async (url: string, options?: { method?: string }) => {
        const res = await value.call(target, url, options);
        const method = prop === "fetch" ? (options?.method ?? "GET") : prop;
        const body = (await res.body()).toString("utf8");
        if (body !== "") checkResponseBody(method, res.url(), res.status(), res.headers()["content-type"] ?? "", body);
        return res;
      };
    },
  });
}

export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, "x-forwarded-for": uniqueClientIp() });
  },
  request: async ({ request }, use) => {
    await use(checkingResponses(request));
  },
});

export { expect };
