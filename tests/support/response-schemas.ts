import type { z } from "zod";
import {
  ZAssessmentBenchmark,
  ZAssessmentExport,
  ZCreateAssessmentResponse,
  ZFollowUpResponse,
  ZHistoryResponse,
  ZPublicAssessment,
  ZReopenResponse,
  ZRenewResponse,
  ZSaveAnswersResponse,
  ZSubmitResponse,
  ZTargetsResponse,
  ZTargetsView,
  ZVerifyResponse,
} from "@/lib/assessment/api-schemas";
import { ZHealthResponse } from "@/lib/db/health-schema";
import { ZErrorBody } from "@/lib/http/errors";
import { ZMunicipalitySearchResponse } from "@/lib/municipalities/search-query";
import { ZPeerComparison } from "@/lib/peers/peer-query";
import { ZReference } from "@/lib/survey/schema";

/**
 * The response schema of every JSON route, by method, path and status (the same zod schemas the routes
 * are typed against). Every error answer (4xx, 5xx) is ZErrorBody.
 */
const TOKEN = "[^/]+";
const ROUTES: { method: string; path: RegExp; status: number; schema: z.ZodType }[] = [
  { method: "POST", path: /^\/api\/assessments$/, status: 201, schema: ZCreateAssessmentResponse },
  { method: "GET", path: new RegExp(`^/api/assessments/${TOKEN}$`), status: 200, schema: ZPublicAssessment },
  { method: "PUT", path: new RegExp(`^/api/assessments/${TOKEN}/answers$`), status: 200, schema: ZSaveAnswersResponse },
  { method: "POST", path: new RegExp(`^/api/assessments/${TOKEN}/submit$`), status: 200, schema: ZSubmitResponse },
  { method: "POST", path: new RegExp(`^/api/assessments/${TOKEN}/reopen$`), status: 200, schema: ZReopenResponse },
  { method: "POST", path: new RegExp(`^/api/assessments/${TOKEN}/renew$`), status: 200, schema: ZRenewResponse },
  { method: "POST", path: new RegExp(`^/api/assessments/${TOKEN}/verify$`), status: 200, schema: ZVerifyResponse },
  { method: "POST", path: new RegExp(`^/api/assessments/${TOKEN}/follow-up$`), status: 201, schema: ZFollowUpResponse },
  { method: "GET", path: new RegExp(`^/api/assessments/${TOKEN}/history$`), status: 200, schema: ZHistoryResponse },
  { method: "GET", path: new RegExp(`^/api/assessments/${TOKEN}/targets$`), status: 200, schema: ZTargetsView },
  { method: "PUT", path: new RegExp(`^/api/assessments/${TOKEN}/targets$`), status: 200, schema: ZTargetsResponse },
  {
    method: "GET",
    path: new RegExp(`^/api/assessments/${TOKEN}/benchmark$`),
    status: 200,
    schema: ZAssessmentBenchmark,
  },
  { method: "GET", path: new RegExp(`^/api/assessments/${TOKEN}/export$`), status: 200, schema: ZAssessmentExport },
  { method: "GET", path: /^\/api\/peers$/, status: 200, schema: ZPeerComparison },
  { method: "GET", path: /^\/api\/municipalities$/, status: 200, schema: ZMunicipalitySearchResponse },
  { method: "GET", path: /^\/api\/reference\/2020$/, status: 200, schema: ZReference },
  { method: "GET", path: /^\/api\/health$/, status: 200, schema: ZHealthResponse },
  { method: "GET", path: /^\/api\/health$/, status: 503, schema: ZHealthResponse },
];

/** The schema a JSON response of this request must match; undefined for responses that are no JSON of the API. */
export function responseSchemaFor(method: string, url: string, status: number): z.ZodType | undefined {
  const path = new URL(url, "http://localhost").pathname;
  if (!path.startsWith("/api/")) return undefined;
  const route = ROUTES.find((r) => r.method === method.toUpperCase() && r.status === status && r.path.test(path));
  if (route) return route.schema;
  return status >= 400 ? ZErrorBody : undefined;
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
  const parsed = schema.safeParse(JSON.parse(body));
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    throw new Error(
      `Response of ${method} ${new URL(url, "http://localhost").pathname} → ${status} does not match its schema: ${issues.join("; ")}`,
    );
  }
}

/** A response body parsed with a given schema (for the assertions that follow). */
export async function parseBody<S extends z.ZodType>(
  res: { json(): Promise<unknown> },
  schema: S,
): Promise<z.output<S>> {
  return schema.parse(await res.json());
}
