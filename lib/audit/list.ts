import "server-only";
import { db } from "../db/client";
import { AUDIT_PAGE_SIZE, auditPeriod, type TAuditQuery } from "./query";

export type TAuditEntry = {
  id: string;
  at: Date;
  actor: string;
  subject: string | null;
  action: string;
  outcome: string;
  count: number | null;
  target: string | null;
  detail: string | null;
};

function where(query: TAuditQuery) {
  const period = auditPeriod(query);
  return {
    ...(query.aktion ? { action: query.aktion } : {}),
    ...(period.gte || period.lt ? { at: period } : {}),
  };
}

/** One page of the trail, newest first, with the number of all entries that match the filters. */
export async function listAuditEntries(query: TAuditQuery): Promise<{ entries: TAuditEntry[]; total: number }> {
  const [entries, total] = await Promise.all([
    db.operatorAuditEntry.findMany({
      where: where(query),
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (query.seite - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.operatorAuditEntry.count({ where: where(query) }),
  ]);
  return { entries, total };
}

/** Every entry that matches the filters (the CSV export), newest first; at most `limit`. */
export function allAuditEntries(query: TAuditQuery, limit = 100_000): Promise<TAuditEntry[]> {
  return db.operatorAuditEntry.findMany({
    where: where(query),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
}
