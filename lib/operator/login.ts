import "server-only";
import { runExclusive } from "../db/exclusive";
import { getEnv } from "../env";
import { err, ok, type TResult } from "../result";
import { verifyPasswordAsync } from "../security/password";
import { consumeRateLimit, refundRateLimit } from "../db/rate-limit";
import { SHARED_PASSWORD_ACTOR } from "../audit/actions";
import { recordFailedLogin } from "../audit/record";
import type { TOperatorError } from "../errors";
import { openOperatorSession, OPERATOR_SESSION_SECONDS } from "./open-session";

export { OPERATOR_SESSION_SECONDS };

/** Longer input is refused unread: nobody types such a password, and scrypt need not see it. */
const MAX_PASSWORD_LENGTH = 1024;

/**
 * Checks the operator password and opens a session. `client` is the client address
 * (clientIdFromHeaders). Order matters: the attempt is counted against the "login" limit before the
 * password is checked, so that a client over the limit learns nothing about a guess, not even the
 * right one, costs no scrypt derivation, and parallel guesses cannot all pass the check at once. A right
 * password takes its count back: only failures count, so logging in often never locks the operator out.
 * The returned token goes into the cookie; only its SHA-256 is stored. A wrong password is recorded in the audit
 * trail as a failed login (at most AUDIT_FAILED_LOGINS_PER_HOUR an hour); attempts over the limit are not.
 */
export async function logIn(
  password: string,
  client: string,
  now: Date,
): Promise<TResult<{ token: string; expiresAt: Date }, TOperatorError>> {
  const storedHash = getEnv().OPERATOR_PASSWORD_HASH;
  if (!storedHash) return err({ kind: "operator_disabled" });
  if (password.length === 0) return err({ kind: "password_missing" });
  // The counter is a write like any other: one writer at a time (lib/db/exclusive.ts).
  const decision = await runExclusive(() => consumeRateLimit("login", client, now.getTime()));
  if (!decision.ok) return err({ kind: "rate_limited", retryAfterSeconds: decision.retryAfterSeconds, limit: "login" });
  if (password.length > MAX_PASSWORD_LENGTH || !(await verifyPasswordAsync(password, storedHash))) {
    await runExclusive(() => recordFailedLogin({ actor: SHARED_PASSWORD_ACTOR, detail: "Falsches Passwort" }, now));
    return err({ kind: "wrong_password" });
  }
  const session = await runExclusive(async () => {
    await refundRateLimit("login", client, now.getTime());
    return openOperatorSession(SHARED_PASSWORD_ACTOR, now);
  });
  return ok(session);
}
