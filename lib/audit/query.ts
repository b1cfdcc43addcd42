import { z } from "zod";
import { AUDIT_ACTIONS, type TAuditAction } from "./actions";

// The filters of /betrieb/protokoll and its CSV export: pure, shared by the page, the route and the tests.

export const AUDIT_PAGE_SIZE = 50;

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v));

/** Lenient like the assessment list's filters: an invalid value (an edited URL) is dropped, the page still shows. */
export const ZAuditQuery = z.object({
  aktion: z
    .enum(Object.keys(AUDIT_ACTIONS) as [TAuditAction, ...TAuditAction[]])
    .optional()
    .catch(undefined),
  von: ZDay.optional().catch(undefined),
  bis: ZDay.optional().catch(undefined),
  seite: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export function parseAuditQuery(params: Record<string, string | string[] | undefined> | URLSearchParams): TAuditQuery {
  const first = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return ZAuditQuery.parse({ aktion: first("aktion"), von: first("von"), bis: first("bis"), seite: first("seite") });
}

export function toAuditSearchParams(query: Partial<TAuditQuery>): URLSearchParams {
  const out = new URLSearchParams();
  if (query.aktion) out.set("aktion", query.aktion);
  if (query.von) out.set("von", query.von);
  if (query.bis) out.set("bis", query.bis);
  if (query.seite && query.seite > 1) out.set("seite", String(query.seite));
  return out;
}

/** Midnight at the start of a calendar day in Germany (Europe/Berlin), as a moment. */
export function berlinDayStart(day: string): Date {
  const utcMidnight = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  // The offset at noon of that day (the clocks change at night, never around midnight in Germany).
  const name = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" })
    .formatToParts(new Date(utcMidnight + 12 * 3600_000))
    .find((p) => p.type === "timeZoneName")!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offset = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(utcMidnight - offset * 60_000);
}

/** The period of a query as [from, to): "bis" includes its whole day. */
export function auditPeriod(query: TAuditQuery): { gte?: Date; lt?: Date } {
  const period: { gte?: Date; lt?: Date } = {};
  if (query.von) period.gte = berlinDayStart(query.von);
  if (query.bis) {
    const next = new Date(`${query.bis}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    period.lt = berlinDayStart(next.toISOString().slice(0, 10));
  }
  return period;
}

/** A moment as operators read it: "07.12.2026, 14:05:09" in German time. */
export function formatAuditTime(at: Date): string {
  return at.toLocaleString("de-DE", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}
