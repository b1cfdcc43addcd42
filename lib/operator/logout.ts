import "server-only";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import { recordAudit } from "../audit/record";
import { hashToken, isWellFormedToken } from "../security/token";
import { getOperatorSession } from "./get-session";

/**
 * Ends the session behind a cookie value and records the logout; unknown or malformed values are ignored (logging
 * out twice is fine). Returns whether the session was a named account's (then the provider's logout follows).
 */
export async function logOut(cookieValue: string | undefined, now = new Date()): Promise<{ named: boolean }> {
  if (!cookieValue || !isWellFormedToken(cookieValue)) return { named: false };
  const session = await getOperatorSession(cookieValue, now);
  const tokenHash = hashToken(cookieValue);
  await runExclusive(() =>
    db.$transaction(async (tx) => {
      const res = await tx.operatorSession.deleteMany({ where: { tokenHash } });
      if (res.count > 0 && session) await recordAudit(tx, { actor: session.actor, action: "logout" }, now);
    }),
  );
  return { named: session?.named ?? false };
}
