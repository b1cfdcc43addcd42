import { timingSafeEqual, createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry.cjs";

export const dynamic = "force-dynamic";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Prometheus metrics of this process (text format): requests by route and status, their durations, saves,
 * releases and rate-limit refusals, and Node's own. Only with `Authorization: Bearer <METRICS_TOKEN>`; without
 * the setting there are none (404). With several worker processes (WEB_CONCURRENCY) each answers for itself.
 */
export async function GET(request: Request): Promise<Response> {
  const token = getEnv().METRICS_TOKEN;
  const german = (status: number, error: string) =>
    Response.json({ error }, { status, headers: { "cache-control": "no-store" } });
  if (!token) return german(404, "Auf dieser Plattform sind keine Messwerte eingerichtet (METRICS_TOKEN).");
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(token)))
    return german(401, "Für die Messwerte braucht es den Zugangsschlüssel (Authorization: Bearer …).");
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
