import { describe, expect, test } from "vitest";
import { checkResponseBody, responseSchemaFor } from "../../support/response-schemas";

// The check that tests/support/test.ts runs on every JSON answer the API tests receive.
const JSON_TYPE = "application/json; charset=utf-8";
const TOKEN = "a".repeat(43);

describe("every JSON answer of the API is checked against its route's schema", () => {
  test("a save's answer matches; an extra or missing field does not", () => {
    expect(() =>
      checkResponseBody("PUT", `/api/assessments/${TOKEN}/answers`, 200, JSON_TYPE, '{"version":2}'),
    ).not.toThrow();
    expect(() =>
      checkResponseBody("PUT", `/api/assessments/${TOKEN}/answers`, 200, JSON_TYPE, '{"version":2,"token":"x"}'),
    ).toThrow(/does not match its schema/);
    expect(() => checkResponseBody("PUT", `/api/assessments/${TOKEN}/answers`, 200, JSON_TYPE, "{}")).toThrow(
      /version/,
    );
  });

  test("every error answer is a German message with optional issues and extras", () => {
    expect(() =>
      checkResponseBody(
        "GET",
        "/api/peers?state=XX",
        422,
        JSON_TYPE,
        '{"error":"Die Angaben sind ungültig.","issues":[{"path":"state","message":"…"}]}',
      ),
    ).not.toThrow();
    expect(() =>
      checkResponseBody("PUT", `/api/assessments/${TOKEN}/answers`, 409, JSON_TYPE, '{"error":"…","currentVersion":3}'),
    ).not.toThrow();
    expect(() => checkResponseBody("GET", "/api/peers", 500, JSON_TYPE, '{"message":"boom"}')).toThrow(
      /does not match/,
    );
  });

  test("a JSON answer of a route nobody described fails, so no route escapes the check", () => {
    expect(() => checkResponseBody("GET", "/api/unknown", 200, JSON_TYPE, "{}")).toThrow(/No response schema/);
  });

  test("the routes of the contract have their schemas", () => {
    for (const [method, path, status] of [
      ["POST", "/api/assessments", 201],
      ["GET", `/api/assessments/${TOKEN}`, 200],
      ["POST", `/api/assessments/${TOKEN}/submit`, 200],
      ["GET", `/api/assessments/${TOKEN}/benchmark`, 200],
      ["GET", "/api/peers?state=DE-BY", 200],
      ["GET", "/api/municipalities?q=Gro", 200],
      ["GET", "/api/reference/2020", 200],
      ["GET", "/api/health", 503],
    ] as const) {
      expect(responseSchemaFor(method, path, status), `${method} ${path} ${status}`).toBeDefined();
    }
    expect(responseSchemaFor("GET", "/a/x/ergebnis", 200)).toBeUndefined();
  });

  test("answers that are no JSON (PDF, CSV, pages) are not parsed", () => {
    expect(() =>
      checkResponseBody("GET", `/api/assessments/${TOKEN}/report.pdf`, 200, "application/pdf", "%PDF-1.7"),
    ).not.toThrow();
  });
});
