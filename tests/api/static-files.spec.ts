import http from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test } from "../support/test";

// The build's scripts, stylesheets and fonts are answered by scripts/serve.mjs from memory
// (scripts/lib/static-files.mjs). Raw HTTP here, so that compression and empty bodies are seen as sent.

type TRaw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function raw(baseURL: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<TRaw> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The scripts and stylesheets the landing page loads. */
async function assetsOfLandingPage(baseURL: string) {
  const html = (await raw(baseURL, "/")).body.toString("utf8");
  const scripts = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/href="(\/_next\/static\/[^"]+\.css)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(3);
  expect(styles.length).toBeGreaterThan(0);
  return { scripts, styles };
}

function expectCommonHeaders(res: TRaw) {
  expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["x-frame-options"]).toBe("DENY");
  expect(res.headers["referrer-policy"]).toBe("no-referrer");
  expect(res.headers.etag).toMatch(/^W\/".+"$/);
}

test.describe("static files", () => {
  test("scripts and stylesheets: gzip when accepted, the same bytes without, immutable caching and the security headers", async ({
    baseURL,
  }) => {
    const { scripts, styles } = await assetsOfLandingPage(baseURL!);
    for (const [path, type] of [
      ...scripts.map((p) => [p, "application/javascript; charset=UTF-8"]),
      ...styles.map((p) => [p, "text/css; charset=UTF-8"]),
    ]) {
      const plain = await raw(baseURL!, path!, { "accept-encoding": "identity" });
      expect(plain.status, path).toBe(200);
      expect(plain.headers["content-type"]).toBe(type);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
      expectCommonHeaders(plain);

      const zipped = await raw(baseURL!, path!, { "accept-encoding": "gzip, deflate, br" });
      expect(zipped.status).toBe(200);
      expect(zipped.headers.vary).toBe("Accept-Encoding");
      if (plain.body.length > 1024) expect(zipped.headers["content-encoding"], path).toBe("gzip");
      const body = zipped.headers["content-encoding"] === "gzip" ? gunzipSync(zipped.body) : zipped.body;
      expect(body.equals(plain.body), path).toBe(true);
      expect(zipped.headers.etag).toBe(plain.headers.etag);
      // Refused: gzip with q=0.
      expect(
        (await raw(baseURL!, path!, { "accept-encoding": "gzip;q=0" })).headers["content-encoding"],
      ).toBeUndefined();
    }
  });

  test("a revalidation with the ETag gets 304 without a body; HEAD gets the headers only", async ({ baseURL }) => {
    const { scripts } = await assetsOfLandingPage(baseURL!);
    const first = await raw(baseURL!, scripts[0]!, { "accept-encoding": "gzip" });
    const again = await raw(baseURL!, scripts[0]!, { "accept-encoding": "gzip", "if-none-match": first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const head = await raw(baseURL!, scripts[0]!, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(first.body.length);
  });

  test("the web fonts: woff2 as it is, cached for a year", async ({ baseURL }) => {
    const font = await raw(baseURL!, "/fonts/FiraSans-Regular-latin-v1.woff2", { "accept-encoding": "gzip" });
    expect(font.status).toBe(200);
    expect(font.headers["content-type"]).toBe("font/woff2");
    expect(font.headers["content-encoding"]).toBeUndefined();
    expect(font.body.subarray(0, 4).toString("latin1")).toBe("wOF2");
    expectCommonHeaders(font);
  });

  test("an unknown file, another method or a path out of the folder is not served from memory", async ({ baseURL }) => {
    expect((await raw(baseURL!, "/_next/static/chunks/does-not-exist.js")).status).toBe(404);
    for (const path of [
      "/_next/static/..%2f..%2fpackage.json",
      "/_next/static/../../package.json",
      "/fonts/..%2fpackage.json",
    ]) {
      const res = await raw(baseURL!, path);
      expect(res.body.toString("utf8"), path).not.toContain('"name": "kommunaler-digitalcheck"');
      expect(res.status, path).not.toBe(200);
    }
    const { scripts } = await assetsOfLandingPage(baseURL!);
    const post = await raw(baseURL!, scripts[0]!, {}, "POST");
    expect(post.status).not.toBe(200);
  });
});
