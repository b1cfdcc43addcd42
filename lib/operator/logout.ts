import "server-only";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import { hashToken, isWellFormedToken } from "../security/token";

/** Ends the session behind a cookie value; unknown or malformed values are ignored (logging out twice is fine). */
export async function logOut(cookieValue: string | undefined): Promise<void> {
  if (!cookieValue || !isWellFormedToken(cookieValue)) return;
  const tokenHash = hashToken(cookieValue);
  await runExclusive(() => db.operatorSession.deleteMany({ where: { tokenHash } }));
}
