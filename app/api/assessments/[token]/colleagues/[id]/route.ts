import { revokeInvitation } from "@/lib/colleagues/revoke-invitation";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { limitRequest, respond, withErrorHandling } from "@/lib/http/handle-route";

type TContext = { params: Promise<{ token: string; id: string }> };

/** DELETE /api/assessments/{token}/colleagues/{id}: revokes the invitation and deletes its answers → 204. */
export const DELETE = withErrorHandling(async (request: Request, { params }: TContext) => {
  const limited = await limitRequest(request, "write");
  if (limited) return limited;
  const { token, id } = await params;
  return respond(
    await withLinkGuard(clientIdFromHeaders(request.headers), () => revokeInvitation(token, id)),
    () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } }),
  );
});
