import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { API_ROUTES } from "../../../lib/http/api-routes";
import { buildOpenApi } from "../../../lib/http/openapi";

/** Every route handler under app/api, as "GET /api/assessments/{token}". */
function handlers(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return handlers(full);
    if (name !== "route.ts") return [];
    const route =
      "/" +
      path
        .dirname(full)
        .replace(/^app\//, "")
        .replace(/\[(\w+)\]/g, "{$1}");
    const source = readFileSync(full, "utf8");
    return ["GET", "POST", "PUT", "DELETE"]
      .filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source))
      .map((m) => `${m} ${route}`);
  });
}

describe("the OpenAPI description (/api/openapi.json)", () => {
  test("describes every route handler of app/api and nothing else (the benchmark's floor route aside)", () => {
    const described = API_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(described).toEqual(
      handlers()
        .filter((h) => !h.includes("/api/bench/"))
        .sort(),
    );
  });

  test("is OpenAPI 3.1 with a JSON Schema per JSON response and request body, generated from zod", () => {
    const doc = buildOpenApi();
    expect(doc.openapi).toBe("3.1.0");
    const op = doc.paths["/api/assessments/{token}/targets"]!.put as {
      requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } };
      responses: Record<string, { content?: Record<string, { schema: { type?: string } }> }>;
    };
    expect(Object.keys(op.requestBody.content["application/json"].schema.properties).sort()).toEqual([
      "targets",
      "version",
    ]);
    expect(op.responses["200"]!.content!["application/json"]!.schema.type).toBe("object");
    expect(op.responses.default).toBeDefined();
    const ids = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((o) => (o as { operationId: string }).operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
