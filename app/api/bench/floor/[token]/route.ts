import { errorResponse, json, readJsonBody, withErrorHandling } from "@/lib/http/handle-route";

// The framework's floor of a save's route shape for `npm run bench:load`: like POST /api/bench/floor (same
// proxy, route handler, readJsonBody, JSON answer, no database work), but a PUT to a dynamic segment, as
// PUT /api/assessments/{token}/answers is. The difference between the two floors is what Next's routing of
// a dynamic path costs (docs/benchmarks.md). 404 unless the server runs with BENCH_ROUTES=true.
export const dynamic = "force-dynamic";

const enabled = () => process.env.BENCH_ROUTES === "true";

type TContext = { params: Promise<{ token: string }> };

export const PUT = withErrorHandling(async (request: Request, { params }: TContext) => {
  if (!enabled()) return json({ error: "Diese Seite gibt es nicht." }, 404);
  await params;
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse(body.error);
  return json({ ok: true });
});
