import { spawn } from "node:child_process";
import path from "node:path";
import type { APIResponse } from "@playwright/test";
import { expect, test, uniqueClientIp } from "../support/test";
import {
  createAssessment,
  createSubmittedAssessment,
  createVerifiedSubmission,
  insertTestCodes,
  KNOWN_ANSWERS,
  registerCell,
  validProfile,
} from "../support/fixtures";

// The results page is sent from a per-process cache while the assessment and the peer pool are unchanged
// (lib/page-cache/store.ts). These tests run against the suite's server (scripts/serve.mjs), which records.

const resultsPath = (token: string) => `/a/${token}/ergebnis`;

/** The nonce of a response's Content-Security-Policy. */
function nonceOf(res: APIResponse): string {
  const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce, "CSP with a nonce").toBeTruthy();
  return nonce!;
}

type TRequest = import("@playwright/test").APIRequestContext;

async function getPage(request: TRequest, pathOrToken: string) {
  const res = await request.get(pathOrToken.startsWith("/") ? pathOrToken : resultsPath(pathOrToken));
  expect(res.status()).toBe(200);
  expect(res.headers()["x-kdc-page-cache-key"], "the internal header never reaches the client").toBeUndefined();
  const nonce = nonceOf(res);
  const html = await res.text();
  return { res, html, nonce, cache: res.headers()["x-page-cache"], normalized: html.split(nonce).join("NONCE") };
}

/**
 * Two requests in a row until the second comes from the cache. Tests in other workers submit
 * assessments, and each submit changes the peer pool (so renders again) between two requests of ours.
 */
async function twice(request: TRequest, pathOrToken: string) {
  let pair: [Awaited<ReturnType<typeof getPage>>, Awaited<ReturnType<typeof getPage>>] | undefined;
  await expect(async () => {
    const first = await getPage(request, pathOrToken);
    const second = await getPage(request, pathOrToken);
    expect(second.cache).toBe("hit");
    pair = [first, second];
  }).toPass({ timeout: 30_000 });
  return pair!;
}

test.describe("page cache", () => {
  test("a repeated request is sent from the cache: same page, a fresh nonce in the body and in every header", async ({
    request,
  }) => {
    const { token } = await createSubmittedAssessment(request);
    expect((await getPage(request, token)).cache).toBe("miss");
    const [first, second] = await twice(request, token);
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.html).not.toContain(first.nonce);
    expect(second.normalized).toBe(first.normalized);
    expect(second.html).toContain(`nonce="${second.nonce}"`);
    for (const [name, value] of Object.entries(second.res.headers())) expect(value, name).not.toContain(first.nonce);
    expect(second.res.headers()["content-type"]).toMatch(/^text\/html/);
    expect(second.res.headers()["cache-control"]).toContain("no-store");
    expect(second.res.headers()["x-frame-options"]).toBe("DENY");
  });

  test("a saved answer shows at once: the next request renders again", async ({ request }) => {
    const created = await createAssessment(request, validProfile());
    const put = await request.put(`/api/assessments/${created.token}/answers`, {
      data: { version: 1, answers: { e_file: "in_use" } },
    });
    expect(put.status()).toBe(200);
    const [before] = await twice(request, created.token);
    expect(before.html).toContain("Sie führen bereits eine E-Akte; 2020 taten das erst 16\u00a0% der Kommunen.");

    const change = await request.put(`/api/assessments/${created.token}/answers`, {
      data: { version: 2, answers: { e_file: "planned" } },
    });
    expect(change.status()).toBe(200);
    const after = await getPage(request, created.token);
    expect(after.cache).toBe("miss");
    expect(after.html).not.toContain("die bereits eine E-Akte führen");
    expect(after.html).toContain("Sie planen oder diskutieren die E-Akte; 2020 taten das 61\u00a0% der Kommunen.");
  });

  test("a release of peer figures renders again; a deleted assessment's page is gone at once", async ({ request }) => {
    const { token } = await createSubmittedAssessment(request);
    await twice(request, token);
    const cell = registerCell("DE-HE", "20000_99999", 5);
    const codes = await insertTestCodes(cell.map((r) => r.key));
    for (const m of cell) await createVerifiedSubmission(request, codes.get(m.key)!, KNOWN_ANSWERS);
    expect((await getPage(request, token)).cache).toBe("miss");

    expect((await request.delete(`/api/assessments/${token}`)).status()).toBe(204);
    const gone = await request.get(resultsPath(token));
    expect(gone.status()).toBe(404);
    expect(gone.headers()["x-page-cache"]).toBeUndefined();
  });

  test("requests of the client router and with a query are rendered, never sent from the cache", async ({
    request,
  }) => {
    const { token } = await createSubmittedAssessment(request);
    await twice(request, token);
    // The marker that scripts/serve.mjs sets for plain document requests cannot be sent by a client.
    const rsc = await request.get(resultsPath(token), { headers: { rsc: "1", "x-kdc-page-cacheable": "1" } });
    expect(rsc.status()).toBe(200);
    expect(rsc.headers()["x-page-cache"]).toBeUndefined();
    expect(rsc.headers()["content-type"]).not.toMatch(/^text\/html/);
    const query = await request.get(`${resultsPath(token)}?x=1`);
    expect(query.status()).toBe(200);
    expect(query.headers()["x-page-cache"]).toBeUndefined();
  });

  test("the peer comparison of a filter is cached until the next release", async ({ request }) => {
    const path = "/vergleich?state=DE-NI&sizeClass=gte_100000";
    const [, cached] = await twice(request, path);
    expect(cached.html).toContain("Vergleich mit anderen Kommunen");
    const cell = registerCell("DE-NI", "gte_100000", 5);
    const codes = await insertTestCodes(cell.map((r) => r.key));
    // (One submission alone changes no published figure: tests/api/peers.spec.ts. Whether this page stays a
    // cache hit then depends on releases of other tests' cells, which bump the same version.)
    for (const m of cell) await createVerifiedSubmission(request, codes.get(m.key)!, KNOWN_ANSWERS);
    expect((await getPage(request, path)).cache).toBe("miss");
    const other = await getPage(request, "/vergleich?state=DE-NI&sizeClass=gte_100000&x=1");
    expect(other.cache, "unknown parameters are rendered, not cached").toBeUndefined();
  });

  test("a client over the token-miss limit gets the notice, never the cached page; the owner still gets the page", async ({
    request,
  }) => {
    const { token } = await createSubmittedAssessment(request);
    await twice(request, token);
    const guesser = { "x-forwarded-for": uniqueClientIp() };
    for (let i = 0; i < 20; i += 1) {
      const miss = await request.get(resultsPath(`${String(i).padStart(2, "0")}${"Z".repeat(41)}`), {
        headers: guesser,
      });
      expect(miss.status()).toBe(404);
    }
    const limited = await request.get(resultsPath(token), { headers: guesser });
    expect(limited.headers()["x-page-cache"]).toBeUndefined();
    const notice = await limited.text();
    expect(notice).toContain("Zu viele Anfragen");
    expect(notice).not.toContain("Ihr digitaler Reifegrad");
    const owner = await getPage(request, token);
    expect(owner.html).toContain("Ihr digitaler Reifegrad");
    expect(owner.html).not.toContain("Zu viele Anfragen");
  });
});

test("the standalone server (node .next/standalone/server.js) serves results pages without a page cache", async ({
  request,
}) => {
  const { token } = await createSubmittedAssessment(request);
  const databaseUrl = process.env.E2E_DATABASE_URL || `file:${path.resolve("prisma/e2e.db")}`;
  const port = 3127;
  const child = spawn(process.execPath, [".next/standalone/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      TRUST_PROXY: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect(async () => expect((await fetch(`${base}/api/health`)).status).toBe(200)).toPass({ timeout: 60_000 });
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${base}${resultsPath(token)}`, { headers: { "x-forwarded-for": uniqueClientIp() } });
      expect(res.status, log).toBe(200);
      expect(res.headers.get("x-page-cache"), "nothing records pages under the standalone server").toBeNull();
      expect(res.headers.get("x-kdc-page-cache-key")).toBeNull();
      expect(await res.text()).toContain("Ihr digitaler Reifegrad");
    }
  } finally {
    child.kill("SIGTERM");
  }
});
