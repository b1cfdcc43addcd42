import { createAssessment, KNOWN_ANSWERS } from "../support/fixtures";
import { expect, test } from "../support/test";

// GET /api/metrics: Prometheus text from prom-client, only with the bearer token of METRICS_TOKEN
// (set for the test server in playwright.config.ts); requests by route and status with tokens replaced,
// durations, saves and rate-limit refusals.
const TOKEN = "metrics-test-token-0123456789abcdef0123";

const value = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

test("without the token there are no metrics: a German 401", async ({ request }) => {
  for (const headers of [undefined, { authorization: "Bearer falsch" }, { authorization: TOKEN }]) {
    const res = await request.get("/api/metrics", { headers });
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toContain("Zugangsschlüssel");
  }
});

test("requests by route and status, durations, saves and rate-limit refusals, never a token", async ({ request }) => {
  const scrape = async () => {
    const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/plain");
    return res.text();
  };
  const before = await scrape();
  expect((await request.get("/api/health")).status()).toBe(200);
  const { token } = await createAssessment(request);
  expect(
    (await request.put(`/api/assessments/${token}/answers`, { data: { version: 1, answers: KNOWN_ANSWERS } })).status(),
  ).toBe(200);
  // Wrong codes from this test's client until its limit refuses (lib/participation/redeem-code.ts).
  for (let i = 0; i < 11; i++)
    await request.post(`/api/assessments/${token}/verify`, { data: { code: "K7QF-2M9P-XW4D-HT6R" } });
  const after = await scrape();

  const health = 'digitalcheck_http_requests_total{route="/api/health",status="200"}';
  expect(value(after, health)).toBeGreaterThan(value(before, health));
  const saves = 'digitalcheck_http_requests_total{route="/api/assessments/[token]/answers",status="200"}';
  expect(value(after, saves)).toBeGreaterThan(value(before, saves));
  expect(value(after, "digitalcheck_answer_saves_total")).toBeGreaterThan(
    value(before, "digitalcheck_answer_saves_total"),
  );
  const refused = 'digitalcheck_rate_limit_refusals_total{limit="codeAttempt"}';
  expect(value(after, refused)).toBeGreaterThan(value(before, refused));
  expect(after).toMatch(/^digitalcheck_http_request_duration_seconds_count\{route="\/api\/health"\} [1-9]/m);
  expect(after).toContain("# TYPE digitalcheck_peer_releases_total counter");
  expect(after).toContain("process_resident_memory_bytes");
  expect(after).not.toContain(token);
});
