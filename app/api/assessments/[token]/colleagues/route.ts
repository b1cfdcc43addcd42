import { createInvitation } from "@/lib/colleagues/create-invitation";
import { listInvitations } from "@/lib/colleagues/list-invitations";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { colleagueUrl } from "@/lib/assessment/paths";
import { requestOrigin } from "@/lib/http/origin";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { ZCreateInvitationResponse, ZInvitationList } from "@/lib/colleagues/api-schemas";
import { jsonOf, respond, withErrorHandling, withJsonBody } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string }> };

/** GET /api/assessments/{token}/colleagues: the invitations (without their links) and the round. */
export const GET = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return respond(await withLinkGuard(clientIdFromHeaders(request.headers), () => listInvitations(token)), (v) =>
    jsonOf(ZInvitationList, v),
  );
});

/** POST /api/assessments/{token}/colleagues with { "role", "label" } → 201 with the colleague's link (shown once). */
export const POST = withErrorHandling(async (request: Request, { params }: TContext) => {
  const { token } = await params;
  return withJsonBody(request, "write", async (body) => {
    const origin = requestOrigin(request.headers, new URL(request.url)).origin;
    return respond(
      await withLinkGuard(clientIdFromHeaders(request.headers), () => createInvitation(token, body)),
      (v) => jsonOf(ZCreateInvitationResponse, { ...v, url: colleagueUrl(origin, v.token) }, 201),
    );
  });
});
