import { afterEach, describe, expect, test, vi } from "vitest";
import trustProxy from "@/lib/config/trust-proxy.cjs";

const { parseTrustProxy, forwardedEntry } = trustProxy;

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

  test("behind one trusted proxy its X-Forwarded-Proto and X-Forwarded-Host count: what it wrote, rightmost", async () => {
    const requestOrigin = await originWith("true");
    // A proxy that sets the headers (nginx: proxy_set_header): one value each.
    expect(requestOrigin(spoofed).origin).toBe("https://evil.example");
    // A proxy that appends (Apache's mod_proxy): a client's own value stands left of the proxy's.
    const appended = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-proto": "http, https",
      "x-forwarded-host": "evil.example, kommune.example",
    });
    expect(requestOrigin(appended)).toEqual({
      protocol: "https",
      host: "kommune.example",
      origin: "https://kommune.example",
    });
  });

  test("behind two proxies (TRUST_PROXY=2) the outer proxy's entries count, second from the right", async () => {
    const requestOrigin = await originWith("2");
    const chained = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-proto": "https, http",
      "x-forwarded-host": "kommune.example, 10.0.0.5",
    });
    expect(requestOrigin(chained).origin).toBe("https://kommune.example");
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

describe("TRUST_PROXY: the number of proxies, one rule for the app and scripts/serve.mjs", () => {
  test.each([
    ["true", 1],
    ["1", 1],
    [" TRUE ", 1],
    ["2", 2],
    ["9", 9],
    ["false", 0],
    ["0", 0],
    ["", 0],
    [undefined, 0],
    ["yes", null],
    ["on", null],
    ["10", null],
    ["-1", null],
    ["1.5", null],
  ] as const)("%j → %s", (value, expected) => {
    expect(parseTrustProxy(value)).toBe(expected);
  });

  test("lib/env.ts refuses a value serve.mjs would refuse, with the same German message", async () => {
    vi.resetModules();
    vi.stubEnv("TRUST_PROXY", "yes");
    const { getEnv } = await import("@/lib/env");
    expect(() => getEnv()).toThrow(/TRUST_PROXY muss die Zahl der Reverse Proxies vor der App sein/);
  });
});

describe("forwardedEntry: what the outermost trusted proxy wrote, counted from the right", () => {
  test.each([
    // nginx with $proxy_add_x_forwarded_for appends the client to whatever the client sent.
    { header: "6.6.6.6, 203.0.113.7", hops: 1, entry: "203.0.113.7" },
    { header: "203.0.113.7", hops: 1, entry: "203.0.113.7" },
    { header: " 1.1.1.1 ,2.2.2.2,  3.3.3.3 ", hops: 1, entry: "3.3.3.3" },
    // Two proxies: the outer one appended the client, the inner one the outer one's address.
    { header: "6.6.6.6, 203.0.113.7, 10.0.0.2", hops: 2, entry: "203.0.113.7" },
    // Fewer entries than proxies (a proxy that sets the header): the leftmost.
    { header: "203.0.113.7", hops: 2, entry: "203.0.113.7" },
    { header: "", hops: 1, entry: undefined },
    { header: null, hops: 1, entry: undefined },
    { header: " , ", hops: 1, entry: undefined },
  ])("$header with $hops proxies → $entry", ({ header, hops, entry }) => {
    expect(forwardedEntry(header, hops)).toBe(entry);
  });
});

describe("clientIdFromHeaders: the rate limits' client", () => {
  async function clientIdWith(trust: string) {
    vi.resetModules();
    vi.stubEnv("TRUST_PROXY", trust);
    return (await import("@/lib/security/client-id")).clientIdFromHeaders;
  }

  test("behind one proxy a forged first entry never becomes the client", async () => {
    const clientId = await clientIdWith("1");
    for (const forged of ["1.2.3.4", "10.0.0.1, 1.2.3.4", "unknown"])
      expect(clientId(new Headers({ "x-forwarded-for": `${forged}, 203.0.113.7` }))).toBe("203.0.113.7");
  });

  test("without a proxy the entry scripts/serve.mjs wrote (the socket's address), the only one", async () => {
    const clientId = await clientIdWith("");
    expect(clientId(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientId(new Headers())).toBe("unknown");
  });
});
