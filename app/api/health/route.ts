import { checkHealth } from "@/lib/db/check-health";
import { ZHealthResponse } from "@/lib/db/health-schema";
import { jsonOf, withErrorHandling } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the database is reachable and fully migrated, else 503. */
export const GET = withErrorHandling(async () => {
  const health = await checkHealth();
  return health.ok
    ? jsonOf(ZHealthResponse, { status: "ok", database: health.database, migrations: health.migrations })
    : jsonOf(ZHealthResponse, { status: "error", database: health.database, error: health.error }, 503);
});
