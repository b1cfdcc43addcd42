import type { TEnv } from "../env";

/** Named operator accounts (OpenID Connect) are configured: issuer, client id and secret (lib/env.ts checks all three). */
export function isOidcConfigured(env: Pick<TEnv, "OIDC_ISSUER">): boolean {
  return env.OIDC_ISSUER !== undefined;
}

/** The shared operator password is configured (OPERATOR_PASSWORD_HASH); with OIDC it is the fallback. */
export function isPasswordLoginConfigured(env: Pick<TEnv, "OPERATOR_PASSWORD_HASH">): boolean {
  return env.OPERATOR_PASSWORD_HASH !== undefined;
}

/** The operator area exists when at least one way to log in is configured. */
export function isOperatorAreaConfigured(env: Pick<TEnv, "OIDC_ISSUER" | "OPERATOR_PASSWORD_HASH">): boolean {
  return isOidcConfigured(env) || isPasswordLoginConfigured(env);
}
