import { buildOpenApi } from "@/lib/http/openapi";
import { withErrorHandling } from "@/lib/http/handle-route";

let cached: string | null = null;

/** GET /api/openapi.json: the OpenAPI 3.1 description of this API, generated from its zod schemas. */
export const GET = withErrorHandling(async () => {
  cached ??= JSON.stringify(buildOpenApi());
  return new Response(cached, { headers: { "content-type": "application/json; charset=utf-8" } });
});
