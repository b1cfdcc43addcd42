import { errorResponse, json, readJsonBody, withErrorHandling } from "@/lib/http/handle-route";

// The framework's floor for `npm run bench:load` (scripts/bench-load.mjs): the same request path as
// PUT /api/assessments/{token}/answers (proxy, route handler, readJsonBody with the same size and
// type limits, JSON answer) but no database work. Disabled (404) unless the server was started with
// BENCH_ROUTES=true, so production instances never expose it.
export const dynamic = "force-dynamic";

// Read per request (never inlined at build time). Deliberately not part of lib/env.ts: a benchmark
// switch, not configuration of the application.
const enabled = () => process.env.BENCH_ROUTES === "true";

export const POST = withErrorHandling(async (request: Request) => {
  if (!enabled()) return json({ error: "Diese Seite gibt es nicht." }, 404);
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return json({ ok: true });
});
