import { closeRound } from "@/lib/colleagues/close-round";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZCloseRoundResponse } from "@/lib/colleagues/api-schemas";
import { jsonOf, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** POST /api/assessments/{token}/colleagues/close: colleagues' links read only from now on, for 30 days. */
export const POST = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  return respond(await withLinkGuard(clientIdFromHeaders(request.headers), () => closeRound(token)), (v) =>
    jsonOf(ZCloseRoundResponse, v),
  );
});
