import type { z } from "zod";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { API_ROUTES } from "@/lib/http/api-routes";
import { buildOpenApi } from "@/lib/http/openapi";
import { ZErrorBody } from "@/lib/http/errors";

/**
 * The response schema of every JSON route, by method, path and status: the list of lib/http/api-routes.ts,
 * from which the OpenAPI document is generated. Every error answer (4xx, 5xx) is ZErrorBody. Each JSON body
 * is checked twice: with the zod schema and with the JSON Schema of /api/openapi.json (ajv, draft 2020-12),
 * so the published description cannot drift from what the API sends.
 */
const ROUTES = API_ROUTES.flatMap((r) =>
  Object.entries(r.responses)
    .filter(([, res]) => res.schema)
    .map(([status, res]) => ({
      method: r.method.toUpperCase(),
      template: r.path,
      path: new RegExp(`^${r.path.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`),
      status: Number(status),
      schema: res.schema!,
    })),
);

let openApiValidators: Map<string, ValidateFunction> | null = null;
/** The OpenAPI document's response schemas, compiled once: "GET /api/peers 200" → validator. */
function openApiValidator(method: string, template: string, status: number | "default"): ValidateFunction | undefined {
  if (!openApiValidators) {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    openApiValidators = new Map();
    const doc = buildOpenApi();
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [m, op] of Object.entries(
        ops as Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>,
      ))
        for (const [code, res] of Object.entries(op.responses)) {
          const schema = res.content?.["application/json"]?.schema;
          if (schema) openApiValidators.set(`${m.toUpperCase()} ${path} ${code}`, ajv.compile(schema));
        }
  }
  return openApiValidators.get(`${method} ${template} ${status}`);
}

/** The schema a JSON response of this request must match; undefined for responses that are no JSON of the API. */
export function responseSchemaFor(method: string, url: string, status: number): z.ZodType | undefined {
  const path = new URL(url, "http://localhost").pathname;
  // The operator area answers JSON only where the proxy refuses a write (lib/http/proxy-steps.ts): an error body.
  if (path.startsWith("/betrieb")) return status >= 400 ? ZErrorBody : undefined;
  if (!path.startsWith("/api/")) return undefined;
  const route = ROUTES.find((r) => r.method === method.toUpperCase() && r.status === status && r.path.test(path));
  if (route) return route.schema;
  return status >= 400 ? ZErrorBody : undefined;
}

/** The OpenAPI path template of a request's path ("/api/assessments/{token}/answers"), if it is an API route. */
function templateFor(method: string, url: string): string | undefined {
  const path = new URL(url, "http://localhost").pathname;
  return ROUTES.find((r) => r.method === method.toUpperCase() && r.path.test(path))?.template;
}

/** Parses a JSON body with the schema of its route; a mismatch names the route and the fields. */
export function checkResponseBody(
  method: string,
  url: string,
  status: number,
  contentType: string,
  body: string,
): void {
  if (!/^application\/json/i.test(contentType)) return;
  const schema = responseSchemaFor(method, url, status);
  if (!schema)
    throw new Error(`No response schema for ${method} ${new URL(url, "http://localhost").pathname} → ${status}`);
  const value = JSON.parse(body) as unknown;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    throw new Error(
      `Response of ${method} ${new URL(url, "http://localhost").pathname} → ${status} does not match its schema: ${issues.join("; ")}`,
    );
  }
  const template = templateFor(method, url);
  const validate = template
    ? (openApiValidator(method.toUpperCase(), template, status) ??
      (status >= 400 ? openApiValidator(method.toUpperCase(), template, "default") : undefined))
    : undefined;
  if (template && !validate)
    throw new Error(`/api/openapi.json describes no JSON response ${method} ${template} → ${status}`);
  if (validate && !validate(value))
    throw new Error(
      `Response of ${method} ${template} → ${status} does not match /api/openapi.json: ${(validate.errors ?? [])
        .slice(0, 3)
        .map((e) => `${e.instancePath || "(body)"} ${e.message}`)
        .join("; ")}`,
    );
}

/** A response body parsed with a given schema (for the assertions that follow). */
export async function parseBody<S extends z.ZodType>(
  res: { json(): Promise<unknown> },
  schema: S,
): Promise<z.output<S>> {
  return schema.parse(await res.json());
}
