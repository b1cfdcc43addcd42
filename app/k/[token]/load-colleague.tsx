import "server-only";
import type { ReactElement } from "react";
import { notFound } from "next/navigation";
import { TooManyRequests } from "@/components/kern/too-many-requests";
import { Alert } from "@/components/kern/alert";
import { PageTitle, Text } from "@/components/kern/typography";
import { getColleagueView, type TColleagueView } from "@/lib/colleagues/get-colleague-view";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { currentClientId } from "@/lib/http/action-client";
import { describeError } from "@/lib/errors";

/**
 * A colleague's link as a page: their own view, or the page to show instead (revoked or expired: a German notice;
 * over the token-miss limit: the "too many requests" notice; unknown: Next's 404 page).
 */
export async function loadColleagueForPage(
  token: string,
): Promise<{ ok: true; value: TColleagueView } | { ok: false; page: ReactElement }> {
  const result = await withLinkGuard(await currentClientId(), () => getColleagueView(token));
  if (result.ok) return result;
  const e = result.error;
  if (e.kind === "rate_limited")
    return { ok: false, page: <TooManyRequests retryAfterSeconds={e.retryAfterSeconds} /> };
  if (e.kind === "invitation_revoked" || e.kind === "invitation_expired")
    return {
      ok: false,
      page: (
        <div className="stack">
          <PageTitle title={<>Diese Einladung gilt nicht mehr</>} />
          <Alert tone="info" title={e.kind === "invitation_revoked" ? "Zurückgezogen" : "Abgelaufen"}>
            <Text>{describeError(e)}</Text>
          </Alert>
        </div>
      ),
    };
  notFound();
}
