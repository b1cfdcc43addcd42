import { oidcLogoutUrl } from "@/lib/operator/oidc";
import { withErrorHandling } from "@/lib/http/handle-route";
import { LOGIN_PATH } from "../../../operator-session";
import { passOnPage, seeOther } from "../flow";

/**
 * After a named account logged out here (logOutAction): on to the provider's end_session_endpoint, which ends the
 * session there too and sends the browser back to the login page. Without one, straight to the login page.
 */
export const GET = withErrorHandling(async () => {
  const url = await oidcLogoutUrl();
  if (!url) return seeOther(`${LOGIN_PATH}?loggedOut=1`);
  return passOnPage(
    "Sie sind abgemeldet",
    "Sie werden zum Anmeldedienst weitergeleitet, um sich auch dort abzumelden.",
    url,
    "Beim Anmeldedienst abmelden",
  );
});
