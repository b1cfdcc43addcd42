import type { APIResponse } from "@playwright/test";
import { expect, test } from "../support/test";
import {
  createAssessment,
  createSubmittedAssessment,
  KNOWN_ANSWERS,
  queryTestDatabase,
  registerCell,
} from "../support/fixtures";
import { openOperatorSession } from "../support/operator";

test.describe("headers", () => {
  test("pages carry a strict CSP whose nonce is on every script, and the other protective headers", async ({
    request,
  }) => {
    const res = await request.get("/start");
    const h = res.headers();
    const csp = h["content-security-policy"]!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["strict-transport-security"]).toBeUndefined();
    // A fresh nonce per response.
    const again = (await request.get("/start")).headers()["content-security-policy"]!;
    expect(/'nonce-([^']+)'/.exec(again)![1]).not.toBe(nonce);
  });

  test("HSTS when served over HTTPS (behind a proxy)", async ({ request }) => {
    const res = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("the edit link page sends no referrer and is not indexed", async ({ request }) => {
    const { token } = await createAssessment(request);
    const res = await request.get(`/a/${token}`);
    expect(res.headers()["referrer-policy"]).toBe("no-referrer");
    expect(await res.text()).toContain('name="robots" content="noindex"');
  });
});

test.describe("foreign origins", () => {
  for (const [label, headers] of [
    ["a foreign Origin", { origin: "https://boese.example" }],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
  ] as const) {
    test(`an API write with ${label} is refused with 403 and changes nothing`, async ({ request }) => {
      const { token } = await createAssessment(request);
      const res = await request.put(`/api/assessments/${token}/answers`, {
        data: { version: 1, answers: { e_file: "in_use" } },
        headers,
      });
      expect(res.status()).toBe(403);
      expect((await res.json()).error).toContain("fremden Website");
      const got = await (await request.get(`/api/assessments/${token}`)).json();
      expect(got).toMatchObject({ version: 1, answers: {} });
      const del = await request.delete(`/api/assessments/${token}`, { headers });
      expect(del.status()).toBe(403);
      expect((await request.get(`/api/assessments/${token}`)).status()).toBe(200);
    });
  }

  test("every POST under /betrieb is checked too: a same-site sibling origin cannot issue codes with the operator's cookie", async ({
    request,
    baseURL,
  }) => {
    const cookie = await openOperatorSession();
    const [m] = registerCell("DE-SL", "5000_19999", 1, 10);
    const issue = (headers: Record<string, string>) =>
      request.post("/betrieb/teilnahme/codes", {
        form: { keys: m!.key, confirm: "1" },
        headers: { cookie, ...headers },
        maxRedirects: 0,
      });
    const codesOf = async () =>
      (await queryTestDatabase<{ id: string }>('SELECT "id" FROM "ParticipationCode" WHERE "unitKey" = ?', [m!.key]))
        .length;
    const foreign: Record<string, string>[] = [
      { origin: "https://nachbar.example", "sec-fetch-site": "same-site" },
      { origin: "https://nachbar.example" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of foreign) {
      const res = await issue(headers);
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error).toContain("fremden Website");
    }
    expect(await codesOf(), "no code was issued").toBe(0);
    // The operator's own form (same origin) issues the code: one ZIP with the CSV and the letters.
    const own = await issue({ origin: baseURL!, "sec-fetch-site": "same-origin" });
    expect(own.status()).toBe(200);
    expect(own.headers()["content-type"]).toBe("application/zip");
    expect((await own.body()).subarray(0, 2).toString()).toBe("PK");
    expect(await codesOf()).toBe(1);
  });

  test("the same-origin API write is accepted", async ({ request, baseURL }) => {
    const { token } = await createAssessment(request);
    const res = await request.put(`/api/assessments/${token}/answers`, {
      data: { version: 1, answers: { e_file: "in_use" } },
      headers: { origin: baseURL!, "sec-fetch-site": "same-origin" },
    });
    expect(res.status()).toBe(200);
  });
});

test.describe("rate limits", () => {
  test("guessing edit links: after 20 unknown tokens the client gets 429 in German, even for a valid link", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const { token } = await createAssessment(request);
    for (let i = 0; i < 20; i += 1) {
      const res = await request.get(`/api/assessments/${String(i).padStart(43, "Z")}`);
      expect(res.status()).toBe(404);
    }
    const limited = await request.get(`/api/assessments/${"Y".repeat(43)}`);
    expect(limited.status()).toBe(429);
    expect(limited.headers()["retry-after"]).toMatch(/^\d+$/);
    expect((await limited.json()).error).toMatch(/^Zu viele Anfragen in kurzer Zeit\. Bitte warten Sie/);
    expect((await request.get(`/api/assessments/${token}`)).status()).toBe(429);
    // The page door answers with the German notice too.
    const page = await request.get(`/a/${token}`);
    expect(await page.text()).toContain("Zu viele Anfragen");
    // Another client is not affected (limits are per client, counted in the shared database).
    const other = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": "10.250.250.250" },
    });
    expect((await other.get(`/api/assessments/${token}`)).status()).toBe(200);
    await other.dispose();
  });

  test("writes: more than 120 a minute from one client get 429 and are not stored", async ({ request }) => {
    const { token } = await createAssessment(request);
    let version = 1;
    let accepted = 0;
    let refused = null as APIResponse | null;
    // Fixed one-minute windows: if the minute turns during the loop, up to 2 × 120 may pass; never more.
    for (let i = 0; i < 250 && !refused; i += 1) {
      const res = await request.put(`/api/assessments/${token}/answers`, {
        data: { version, answers: { e_file: i % 2 ? "in_use" : "planned" } },
      });
      if (res.status() === 429) refused = res;
      else {
        expect(res.status()).toBe(200);
        version = (await res.json()).version;
        accepted += 1;
      }
    }
    expect(refused).not.toBeNull();
    expect(accepted).toBeGreaterThanOrEqual(120);
    expect(accepted).toBeLessThanOrEqual(240);
    expect((await refused!.json()).error).toContain("Zu viele Anfragen");
    const stored = await (await request.get(`/api/assessments/${token}`)).json();
    expect(stored.version).toBe(version);
  });
});

test.describe("edit links as capabilities", () => {
  test("renewing the link invalidates the old one at once and keeps the answers", async ({ request }) => {
    const { token } = await createSubmittedAssessment(request);
    const res = await request.post(`/api/assessments/${token}/renew`);
    expect(res.status()).toBe(200);
    const { token: next, editUrl } = await res.json();
    expect(next).not.toBe(token);
    expect(editUrl).toMatch(new RegExp(`/a/${next}$`));
    expect((await request.get(`/api/assessments/${token}`)).status()).toBe(404);
    const got = await (await request.get(`/api/assessments/${next}`)).json();
    expect(got.status).toBe("submitted");
    expect(got.answers).toEqual(KNOWN_ANSWERS);
  });

  test("the owner can download everything stored, as JSON", async ({ request }) => {
    const { token, id } = await createSubmittedAssessment(request);
    const res = await request.get(`/api/assessments/${token}/export`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toContain("attachment");
    const data = await res.json();
    expect(data.assessment).toMatchObject({
      id,
      status: "submitted",
      municipality: { state: "DE-BY", ags: "09162000" },
    });
    expect(data.answers).toHaveLength(Object.keys(KNOWN_ANSWERS).length);
    expect(data.answers.find((a: { questionId: string }) => a.questionId === "e_file")).toMatchObject({
      answer: "planned",
      labels: ["Geplant oder in Diskussion"],
    });
    const text = JSON.stringify(data);
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });
});
