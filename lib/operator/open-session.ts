import "server-only";
import { db } from "../db/client";
import { recordAudit } from "../audit/record";
import type { TAuditActor } from "../audit/actions";
import { generateToken, hashToken } from "../security/token";

/** An operator session lasts 8 hours from login (no sliding renewal). */
export const OPERATOR_SESSION_SECONDS = 8 * 60 * 60;

/**
 * Opens a session for `actor` and records the login in the audit trail, in one transaction. Call it inside
 * runExclusive (lib/db/exclusive.ts). The returned token goes into the cookie; only its SHA-256 is stored.
 */
export async function openOperatorSession(actor: TAuditActor, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + OPERATOR_SESSION_SECONDS * 1000);
  await db.$transaction(async (tx) => {
    // Housekeeping on the rare occasion of a login: sessions past their expiry are of no use.
    await tx.operatorSession.deleteMany({ where: { expiresAt: { lte: now } } });
    await tx.operatorSession.create({
      data: {
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt,
        actor: actor.subject ? actor.label : null,
        subject: actor.subject,
      },
    });
    await recordAudit(tx, { actor, action: "login" }, now);
  });
  return { token, expiresAt };
}
