import { describeOidcRefusalBriefly, encodeTransaction, startOidcLogin } from "@/lib/operator/oidc";
import { runExclusive } from "@/lib/db/exclusive";
import { recordFailedLogin } from "@/lib/audit/record";
import { UNKNOWN_ACCOUNT_ACTOR } from "@/lib/audit/actions";
import { withErrorHandling } from "@/lib/http/handle-route";
import { logLine } from "@/lib/http/log.cjs";
import { LOGIN_PATH } from "../../operator-session";
import { seeOther, setTransactionCookie } from "./flow";

/**
 * "Mit Dienstkonto anmelden": sends the browser to the identity provider with a fresh state, nonce and PKCE
 * challenge. Without OIDC settings, or when the provider cannot be reached, back to the login page with a reason
 * (and a failed login in the audit trail, so that operators see the outage).
 */
export const GET = withErrorHandling(async (request: Request) => {
  const started = await startOidcLogin(new Date());
  if (!started.ok) {
    logLine({
      level: "warn",
      msg: "operator login failed",
      id: request.headers.get("x-request-id") ?? undefined,
      reason: started.error,
    });
    const now = new Date();
    await runExclusive(() =>
      recordFailedLogin(
        {
          actor: UNKNOWN_ACCOUNT_ACTOR,
          detail: describeOidcRefusalBriefly(started.error),
        },
        now,
      ),
    );
    return seeOther(`${LOGIN_PATH}?fehler=${started.error}`);
  }
  await setTransactionCookie(encodeTransaction(started.value.transaction));
  return seeOther(started.value.url.toString());
});
