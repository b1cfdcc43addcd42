import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import {
  AUDIT_FAILED_LOGINS_PER_HOUR,
  AUDIT_RETENTION_YEARS,
  type TAuditAction,
  type TAuditActor,
  type TAuditOutcome,
} from "./actions";

export type TAuditEntryInput = {
  actor: TAuditActor;
  action: TAuditAction;
  outcome?: TAuditOutcome;
  count?: number | null;
  target?: string | null;
  detail?: string | null;
};

type TWriter = Pick<Prisma.TransactionClient, "operatorAuditEntry">;

/** Longer texts are cut: the trail holds short notes, and no form can make it grow without bound. */
const MAX_TEXT = 300;
const cut = (v: string | null | undefined) => (v == null ? null : v.slice(0, MAX_TEXT));

/**
 * Records one operator action. Pass the transaction of the action itself (`tx`), so that the entry exists
 * exactly when the action took effect; `db` only for what has no transaction (a login, a logout).
 */
export async function recordAudit(writer: TWriter, entry: TAuditEntryInput, now: Date): Promise<void> {
  await writer.operatorAuditEntry.create({
    data: {
      id: randomUUID(),
      at: now,
      actor: cut(entry.actor.label)!,
      subject: cut(entry.actor.subject),
      action: entry.action,
      outcome: entry.outcome ?? "success",
      count: entry.count ?? null,
      target: cut(entry.target),
      detail: cut(entry.detail),
    },
  });
}

/**
 * Records a failed login unless the hour's cap is reached (AUDIT_FAILED_LOGINS_PER_HOUR): a flood of guesses
 * leaves a bounded trace. Call it inside runExclusive (lib/db/exclusive.ts).
 */
export async function recordFailedLogin(
  entry: Omit<TAuditEntryInput, "action" | "outcome">,
  now: Date,
): Promise<boolean> {
  const since = new Date(now.getTime() - 3600_000);
  const recent = await db.operatorAuditEntry.count({
    where: { action: "login_failed", at: { gt: since } },
  });
  if (recent >= AUDIT_FAILED_LOGINS_PER_HOUR) return false;
  await recordAudit(db, { ...entry, action: "login_failed", outcome: "failure" }, now);
  return true;
}

/** The oldest time an entry is kept (AUDIT_RETENTION_YEARS before now). */
export function auditCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setFullYear(cutoff.getFullYear() - AUDIT_RETENTION_YEARS);
  return cutoff;
}

/** Deletes entries older than the retention period (npm run cleanup); returns how many. */
export async function deleteExpiredAuditEntries(now: Date): Promise<number> {
  const res = await db.operatorAuditEntry.deleteMany({ where: { at: { lt: auditCutoff(now) } } });
  return res.count;
}
