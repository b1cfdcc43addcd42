import { getColleagueView } from "@/lib/colleagues/get-colleague-view";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZColleagueView } from "@/lib/colleagues/api-schemas";
import { jsonOf, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** GET /api/colleagues/{token}: a colleague's own answers, role and version; nothing of anybody else. */
export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return respond(await withLinkGuard(clientIdFromHeaders(request.headers), () => getColleagueView(token)), (v) =>
    jsonOf(ZColleagueView, v),
  );
});
