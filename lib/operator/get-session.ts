import "server-only";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import { getEnv } from "../env";
import { hashToken, isWellFormedToken } from "../security/token";
import { SHARED_PASSWORD_ACTOR, type TAuditActor } from "../audit/actions";
import { isOidcConfigured, isPasswordLoginConfigured } from "./config";

/** `actor`: who logged in (a named account, or the shared password); `named`: with OpenID Connect. */
export type TOperatorSession = { expiresAt: Date; actor: TAuditActor; named: boolean };

/**
 * The session behind a cookie value, or null for a missing, malformed, unknown or expired one. A session is
 * valid only while its way of logging in is configured: removing OPERATOR_PASSWORD_HASH locks out every
 * password session at once, removing OIDC_ISSUER every named one. An expired session found here is deleted,
 * with all others that have expired.
 */
export async function getOperatorSession(cookieValue: string | undefined, now: Date): Promise<TOperatorSession | null> {
  const env = getEnv();
  if (!isPasswordLoginConfigured(env) && !isOidcConfigured(env)) return null;
  if (!cookieValue || !isWellFormedToken(cookieValue)) return null;
  const session = await db.operatorSession.findUnique({ where: { tokenHash: hashToken(cookieValue) } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await runExclusive(() => db.operatorSession.deleteMany({ where: { expiresAt: { lte: now } } }));
    return null;
  }
  const named = session.subject !== null;
  if (named ? !isOidcConfigured(env) : !isPasswordLoginConfigured(env)) return null;
  return {
    expiresAt: session.expiresAt,
    actor: named ? { label: session.actor ?? session.subject!, subject: session.subject } : SHARED_PASSWORD_ACTOR,
    named,
  };
}
