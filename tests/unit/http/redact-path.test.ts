import { describe, expect, test } from "vitest";
import { redactPath } from "../../../scripts/lib/redact-path.mjs";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE";

describe("redactPath (the request log of scripts/serve.mjs)", () => {
  test("hides the lead's and a colleague's link, in pages and API routes, and drops the query", () => {
    expect(redactPath(`/a/${token}/kollegium?beendet=1`)).toBe("/a/[token]/kollegium");
    expect(redactPath(`/k/${token}/schritt/3`)).toBe("/k/[token]/schritt/3");
    expect(redactPath(`/api/assessments/${token}/colleagues/comparison`)).toBe(
      "/api/assessments/[token]/colleagues/comparison",
    );
    expect(redactPath(`/api/colleagues/${token}/answers`)).toBe("/api/colleagues/[token]/answers");
    expect(redactPath("/lagebild?state=DE-BY")).toBe("/lagebild");
  });
});
