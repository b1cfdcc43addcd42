import { reinviteRoles } from "@/lib/colleagues/reinvite-roles";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { colleagueUrl } from "@/lib/assessment/paths";
import { requestOrigin } from "@/lib/http/origin";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZReinviteResponse } from "@/lib/colleagues/api-schemas";
import { jsonOf, limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** POST /api/assessments/{token}/colleagues/reinvite: last year's roles again, with new links (shown once). */
export const POST = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token } = await params;
  const origin = requestOrigin(request.headers, new URL(request.url)).origin;
  return respond(await withLinkGuard(clientIdFromHeaders(request.headers), () => reinviteRoles(token)), (v) =>
    jsonOf(ZReinviteResponse, { items: v.map((c) => ({ ...c, url: colleagueUrl(origin, c.token) })) }, 201),
  );
});
