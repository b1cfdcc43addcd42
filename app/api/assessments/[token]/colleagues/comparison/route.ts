import { getComparison } from "@/lib/colleagues/get-comparison";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZComparison } from "@/lib/colleagues/api-schemas";
import { jsonOf, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** GET /api/assessments/{token}/colleagues/comparison: where the unit's people disagree, widest first. */
export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return respond(await withLinkGuard(clientIdFromHeaders(request.headers), () => getComparison(token)), (v) =>
    jsonOf(ZComparison, v),
  );
});
