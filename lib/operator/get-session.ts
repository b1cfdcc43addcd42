import "server-only";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import { getEnv } from "../env";
import { hashToken, isWellFormedToken } from "../security/token";

export type TOperatorSession = { expiresAt: Date };

/**
 * The session behind a cookie value, or null for a missing, malformed, unknown or expired one. No
 * session is valid while the operator area is switched off (no OPERATOR_PASSWORD_HASH), so removing
 * the hash locks everyone out at once. An expired session found here is deleted, with all others
 * that have expired.
 */
export async function getOperatorSession(cookieValue: string | undefined, now: Date): Promise<TOperatorSession | null> {
  if (!getEnv().OPERATOR_PASSWORD_HASH) return null;
  if (!cookieValue || !isWellFormedToken(cookieValue)) return null;
  const session = await db.operatorSession.findUnique({ where: { tokenHash: hashToken(cookieValue) } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await runExclusive(() => db.operatorSession.deleteMany({ where: { expiresAt: { lte: now } } }));
    return null;
  }
  return { expiresAt: session.expiresAt };
}
