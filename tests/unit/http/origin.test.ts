import { afterEach, describe, expect, test, vi } from "vitest";
import trustProxy from "@/lib/http/trust-proxy.cjs";

const { parseTrustProxy } = trustProxy;

/** lib/http/origin.ts with TRUST_PROXY as given (lib/env.ts reads the environment once per module instance). */
async function originWith(trust: string | undefined) {
  vi.resetModules();
  vi.stubEnv("TRUST_PROXY", trust ?? "");
  return (await import("@/lib/http/origin")).requestOrigin;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const spoofed = new Headers({
  host: "digitalcheck.example",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.example",
});

describe("requestOrigin: the one place that decides the client's origin", () => {
  test("without TRUST_PROXY a client's forwarding headers are ignored: the connection is plain HTTP to the Host", async () => {
    const requestOrigin = await originWith(undefined);
    expect(requestOrigin(spoofed)).toEqual({
      protocol: "http",
      host: "digitalcheck.example",
      origin: "http://digitalcheck.example",
    });
    expect(requestOrigin(spoofed, new URL("http://127.0.0.1:3000/a"))).toMatchObject({
      origin: "http://digitalcheck.example",
    });
  });

  test("behind a trusted proxy its X-Forwarded-Proto and X-Forwarded-Host count (first entry of a list)", async () => {
    const requestOrigin = await originWith("true");
    expect(requestOrigin(spoofed).origin).toBe("https://evil.example");
    const chained = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-proto": "https, http",
      "x-forwarded-host": "kommune.example, 10.0.0.5",
    });
    expect(requestOrigin(chained)).toEqual({
      protocol: "https",
      host: "kommune.example",
      origin: "https://kommune.example",
    });
  });

  test("a trusted proxy that sends no forwarding headers: the Host header and the URL's protocol", async () => {
    const requestOrigin = await originWith("1");
    expect(requestOrigin(new Headers({ host: "localhost:3000" }), new URL("http://localhost:3000/")).origin).toBe(
      "http://localhost:3000",
    );
  });

  test("an unknown protocol never becomes https", async () => {
    const requestOrigin = await originWith("true");
    expect(requestOrigin(new Headers({ host: "a.example", "x-forwarded-proto": "wss" })).protocol).toBe("http");
  });
});

describe("TRUST_PROXY: one rule for the app and scripts/serve.mjs", () => {
  test.each([
    ["true", true],
    ["1", true],
    [" TRUE ", true],
    ["false", false],
    ["0", false],
    ["", false],
    [undefined, false],
    ["yes", null],
    ["on", null],
  ] as const)("%j → %s", (value, expected) => {
    expect(parseTrustProxy(value)).toBe(expected);
  });

  test("lib/env.ts refuses a value serve.mjs would refuse, with the same German message", async () => {
    vi.resetModules();
    vi.stubEnv("TRUST_PROXY", "yes");
    const { getEnv } = await import("@/lib/env");
    expect(() => getEnv()).toThrow(/TRUST_PROXY muss true, 1, false oder 0 sein/);
  });
});
