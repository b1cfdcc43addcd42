import "server-only";
import * as client from "openid-client";
import { z } from "zod";
import { getEnv } from "../env";
import { err, ok, type TResult } from "../result";
import { accountLabel, isAllowedOperator, parseAllowList } from "./oidc-access";

// Named operator accounts: OpenID Connect's authorization code flow with PKCE, state and nonce, against the
// provider's issuer (docs/operations.md, "Named operator accounts"). The provider is asked only by the server;
// the browser is sent to it and back.

/** The paths of the flow under /betrieb (the callback is registered at the provider as redirect URI). */
export const OIDC_START_PATH = "/betrieb/anmelden/dienstkonto";
export const OIDC_CALLBACK_PATH = "/betrieb/anmelden/dienstkonto/rueckkehr";
export const OIDC_LOGOUT_PATH = "/betrieb/anmelden/dienstkonto/abmelden";
export const OIDC_LOGGED_OUT_PATH = "/betrieb/anmelden?loggedOut=1";

/** A login started at the provider must come back within this time. */
export const OIDC_TRANSACTION_SECONDS = 10 * 60;

/** Why a named login was refused, in domain words; describeOidcRefusal gives the German text. */
export type TOidcRefusal =
  | "unreachable"
  | "bad_state"
  | "wrong_audience"
  | "expired_token"
  | "invalid_token"
  | "provider_refused"
  | "not_allowed";

export const OIDC_REFUSALS: readonly TOidcRefusal[] = [
  "unreachable",
  "bad_state",
  "wrong_audience",
  "expired_token",
  "invalid_token",
  "provider_refused",
  "not_allowed",
];

export function describeOidcRefusal(refusal: TOidcRefusal): string {
  switch (refusal) {
    case "unreachable":
      return "Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut oder wenden Sie sich an Ihre IT.";
    case "bad_state":
      return "Die Anmeldung war abgelaufen oder gehört nicht zu diesem Browser. Bitte starten Sie sie hier erneut.";
    case "wrong_audience":
      return "Der Anmeldedienst hat eine Bestätigung für eine andere Anwendung geschickt. Die Anmeldung wurde abgelehnt; bitte wenden Sie sich an Ihre IT.";
    case "expired_token":
      return "Die Bestätigung des Anmeldedienstes war abgelaufen. Bitte melden Sie sich erneut an. Geht die Uhr des Servers oder des Anmeldedienstes falsch, wenden Sie sich an Ihre IT.";
    case "invalid_token":
      return "Die Bestätigung des Anmeldedienstes ließ sich nicht prüfen. Die Anmeldung wurde abgelehnt; bitte wenden Sie sich an Ihre IT.";
    case "provider_refused":
      return "Der Anmeldedienst hat die Anmeldung nicht bestätigt. Bitte versuchen Sie es erneut.";
    case "not_allowed":
      return "Ihr Dienstkonto ist für den Betriebsbereich nicht freigeschaltet. Bitte wenden Sie sich an die Betreiberin oder den Betreiber dieser Installation.";
  }
}

/** A few words for the audit trail. */
export function describeOidcRefusalBriefly(refusal: TOidcRefusal): string {
  const brief: Record<TOidcRefusal, string> = {
    unreachable: "Anmeldedienst nicht erreichbar",
    bad_state: "Anmeldung abgelaufen oder fremd (state)",
    wrong_audience: "Bestätigung für eine andere Anwendung (aud)",
    expired_token: "Bestätigung abgelaufen (exp)",
    invalid_token: "Bestätigung ungültig",
    provider_refused: "Vom Anmeldedienst abgelehnt",
    not_allowed: "Konto nicht freigeschaltet",
  };
  return brief[refusal];
}

type TSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  allowed: string[];
  requiredRole?: string;
};

/** The flow's settings, or null without OIDC_ISSUER (lib/env.ts checked that the rest belongs with it). */
export function oidcSettings(): TSettings | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.PUBLIC_URL) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUri: `${env.PUBLIC_URL}${OIDC_CALLBACK_PATH}`,
    postLogoutRedirectUri: `${env.PUBLIC_URL}${OIDC_LOGGED_OUT_PATH}`,
    allowed: parseAllowList(env.OIDC_ALLOWED_OPERATORS),
    requiredRole: env.OIDC_REQUIRED_ROLE,
  };
}

/** The provider's metadata, asked once per process; a failure is not kept, so the next login asks again. */
let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

function configuration(s: TSettings): Promise<client.Configuration> {
  const key = `${s.issuer} ${s.clientId}`;
  if (discovered?.key !== key) {
    const loopback = new URL(s.issuer).protocol === "http:";
    const config = client.discovery(
      new URL(s.issuer),
      s.clientId,
      undefined,
      client.ClientSecretBasic(s.clientSecret),
      {
        // http:// only for a provider on this machine (lib/env.ts allows nothing else).
        execute: loopback ? [client.allowInsecureRequests] : [],
        timeout: 10,
      },
    );
    discovered = { key, config };
    config.catch(() => {
      if (discovered?.config === config) discovered = undefined;
    });
  }
  return discovered.config;
}

/** What the browser keeps between leaving for the provider and coming back (an HttpOnly cookie). */
const ZTransaction = z.object({
  state: z.string().min(20).max(200),
  nonce: z.string().min(20).max(200),
  verifier: z.string().min(43).max(128),
  startedAt: z.number().int(),
});
export type TOidcTransaction = z.infer<typeof ZTransaction>;

export function encodeTransaction(t: TOidcTransaction): string {
  return Buffer.from(JSON.stringify(t)).toString("base64url");
}

function decodeTransaction(value: string | undefined): TOidcTransaction | null {
  if (!value || value.length > 2000) return null;
  try {
    const parsed = ZTransaction.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Starts a login: the provider's authorization URL and the transaction for the cookie. */
export async function startOidcLogin(
  now: Date,
): Promise<TResult<{ url: URL; transaction: TOidcTransaction }, TOidcRefusal>> {
  const s = oidcSettings();
  if (!s) return err("unreachable");
  let config: client.Configuration;
  try {
    config = await configuration(s);
  } catch {
    return err("unreachable");
  }
  const transaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    startedAt: now.getTime(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: "openid profile email",
    response_type: "code",
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
    code_challenge_method: "S256",
  });
  return ok({ url, transaction });
}

export type TOidcAccount = { subject: string; label: string };

/** A refused login with whatever is known of the account (for the audit trail). */
export type TOidcFailure = { refusal: TOidcRefusal; account?: TOidcAccount };

/** Maps openid-client's errors onto the refusals the login page explains. */
function refusalOf(error: unknown): TOidcRefusal {
  const e = error as { code?: string; cause?: { claim?: string; cause?: { claim?: string } }; name?: string };
  // openid-client wraps oauth4webapi's error, which names the claim in its own cause.
  const cause = { claim: e.cause?.claim ?? e.cause?.cause?.claim };
  switch (e.code) {
    case "OAUTH_JWT_CLAIM_COMPARISON_FAILED":
      if (cause.claim === "aud" || cause.claim === "azp") return "wrong_audience";
      if (cause.claim === "nonce") return "bad_state";
      return "invalid_token";
    case "OAUTH_JWT_TIMESTAMP_CHECK_FAILED":
      return "expired_token";
    case "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED":
      return "bad_state";
    case "OAUTH_RESPONSE_BODY_ERROR":
    case "OAUTH_AUTHORIZATION_RESPONSE_ERROR":
    case "OAUTH_WWW_AUTHENTICATE_CHALLENGE":
      return "provider_refused";
    case "OAUTH_PARSE_ERROR":
    case "OAUTH_INVALID_RESPONSE":
    case "OAUTH_RESPONSE_IS_NOT_CONFORM":
    case "OAUTH_RESPONSE_IS_NOT_JSON":
    case "OAUTH_KEY_SELECTION_FAILED":
    case "OAUTH_UNSUPPORTED_OPERATION":
      return "invalid_token";
    case "OAUTH_TIMEOUT":
    case "OAUTH_ABORT":
      return "unreachable";
  }
  // fetch() failed: connection refused, timeout, name not found.
  if (error instanceof TypeError || e.name === "TimeoutError" || e.name === "AbortError") return "unreachable";
  return "invalid_token";
}

/**
 * Finishes a login on the callback: checks state against the cookie's transaction, redeems the code with the PKCE
 * verifier, and lets openid-client check the ID token (issuer, audience = our client, expiry, nonce). Then the
 * account must be allowed (OIDC_ALLOWED_OPERATORS or OIDC_REQUIRED_ROLE). `query`: the callback's query string.
 */
export async function finishOidcLogin(
  query: URLSearchParams,
  transactionCookie: string | undefined,
  now: Date,
): Promise<TResult<TOidcAccount, TOidcFailure>> {
  const s = oidcSettings();
  if (!s) return err({ refusal: "unreachable" });
  const transaction = decodeTransaction(transactionCookie);
  if (
    !transaction ||
    now.getTime() - transaction.startedAt > OIDC_TRANSACTION_SECONDS * 1000 ||
    query.get("state") !== transaction.state
  )
    return err({ refusal: "bad_state" });
  // The provider refused (the user cancelled, or the account is locked there).
  if (query.has("error")) return err({ refusal: "provider_refused" });
  let config: client.Configuration;
  try {
    config = await configuration(s);
  } catch {
    return err({ refusal: "unreachable" });
  }
  // The redirect URI as registered, not as this request reached the app (a reverse proxy may stand between).
  const currentUrl = new URL(s.redirectUri);
  for (const [name, value] of query) currentUrl.searchParams.append(name, value);
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: transaction.verifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  } catch (error) {
    return err({ refusal: refusalOf(error) });
  }
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const account = { subject, label: accountLabel(claims) };
  if (!subject) return err({ refusal: "invalid_token" });
  if (!isAllowedOperator(claims, { allowed: s.allowed, requiredRole: s.requiredRole, clientId: s.clientId }))
    return err({ refusal: "not_allowed", account });
  return ok(account);
}

/**
 * Where the browser goes after a named account logged out here: the provider's end_session_endpoint, which ends
 * the session there too and sends the browser back to the login page; null when the provider offers none (or
 * cannot be reached), then the browser stays here.
 */
export async function oidcLogoutUrl(): Promise<string | null> {
  const s = oidcSettings();
  if (!s) return null;
  try {
    const config = await configuration(s);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(config, { client_id: s.clientId, post_logout_redirect_uri: s.postLogoutRedirectUri })
      .toString();
  } catch {
    return null;
  }
}
