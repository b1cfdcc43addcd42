import { headers } from "next/headers";
import { runExclusive } from "@/lib/db/exclusive";
import { withErrorHandling } from "@/lib/http/handle-route";
import { logLine } from "@/lib/http/log.cjs";
import { recordFailedLogin } from "@/lib/audit/record";
import { UNKNOWN_ACCOUNT_ACTOR } from "@/lib/audit/actions";
import { describeOidcRefusalBriefly, finishOidcLogin } from "@/lib/operator/oidc";
import { openOperatorSession } from "@/lib/operator/open-session";
import { logOut } from "@/lib/operator/logout";
import { LOGIN_PATH, readOperatorCookie, setOperatorCookie } from "../../../operator-session";
import { passOnPage, seeOther, takeTransactionCookie } from "../flow";

/**
 * The identity provider sends the browser back here (the redirect URI, PUBLIC_URL + this path). A refused login
 * goes to the login page, which says why in German; it is recorded in the audit trail as a failure.
 */
export const GET = withErrorHandling(async (request: Request) => {
  const now = new Date();
  const query = new URL(request.url).searchParams;
  const result = await finishOidcLogin(query, await takeTransactionCookie(), now);
  const id = (await headers()).get("x-request-id") ?? undefined;
  if (!result.ok) {
    const { refusal, account } = result.error;
    logLine({ level: "warn", msg: "operator login failed", id, reason: refusal });
    await runExclusive(() =>
      recordFailedLogin(
        {
          actor: account ? { label: account.label, subject: account.subject } : UNKNOWN_ACCOUNT_ACTOR,
          detail: describeOidcRefusalBriefly(refusal),
        },
        now,
      ),
    );
    return seeOther(`${LOGIN_PATH}?fehler=${refusal}`);
  }
  const session = await runExclusive(() => openOperatorSession(result.value, now));
  logLine({ level: "info", msg: "operator login", id });
  // A new login never continues an old session (no session fixation).
  await logOut(await readOperatorCookie(), now);
  await setOperatorCookie(session.token);
  return passOnPage(
    "Sie sind angemeldet",
    "Sie werden zum Betriebsbereich weitergeleitet.",
    "/betrieb",
    "Weiter zum Betriebsbereich",
  );
});
