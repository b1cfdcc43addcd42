import "server-only";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import { deleteExpiredRateLimits } from "../db/rate-limit";
import { expiryCutoff } from "../colleagues/lookup";
import { deleteExpiredAuditEntries } from "../audit/record";

import { DRAFT_RETENTION_MONTHS } from "../config/retention";

export { DRAFT_RETENTION_MONTHS };

export function draftCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - DRAFT_RETENTION_MONTHS);
  return cutoff;
}

/**
 * Deletes drafts not changed for 12 months (submitted assessments stay until their owner deletes
 * them), expired operator sessions, old rate-limit counters, the answers behind colleagues' links that expired and
 * audit entries older than two years. Drafts never count as peers, so the
 * peer pool is unaffected.
 */
export function cleanUp(
  now: Date,
): Promise<{ drafts: number; sessions: number; rateLimits: number; colleagueAnswers: number; auditEntries: number }> {
  return runExclusive(async () => {
    const drafts = await db.assessment.deleteMany({ where: { status: "draft", updatedAt: { lt: draftCutoff(now) } } });
    const sessions = await db.operatorSession.deleteMany({ where: { expiresAt: { lt: now } } });
    const rateLimits = await deleteExpiredRateLimits(now.getTime());
    // The answers of colleagues whose round closed more than 30 days ago (docs/adr/0014-colleagues.md); their links
    // answer 410 from then on, and the invitations' roles stay for next year's "invite the same roles again".
    const colleagueAnswers = await db.colleagueAnswer.deleteMany({
      where: { invitation: { assessment: { colleaguesClosedAt: { lt: expiryCutoff(now) } } } },
    });
    // The operators' audit trail keeps two years (lib/audit/actions.ts, docs/datenschutz/verzeichnis-art-30.md).
    const auditEntries = await deleteExpiredAuditEntries(now);
    return {
      drafts: drafts.count,
      sessions: sessions.count,
      rateLimits,
      colleagueAnswers: colleagueAnswers.count,
      auditEntries,
    };
  });
}
