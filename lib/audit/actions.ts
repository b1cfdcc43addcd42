/**
 * The operator actions the audit trail records (prisma/schema.prisma, OperatorAuditEntry.action), with the
 * German labels of /betrieb/protokoll and its CSV export. Pure: no database.
 */
export const AUDIT_ACTIONS = {
  login: "Anmeldung",
  login_failed: "Anmeldung fehlgeschlagen",
  logout: "Abmeldung",
  codes_issued: "Teilnahmecodes ausgegeben",
  codes_revoked: "Teilnahmecodes gesperrt",
  assessment_deleted: "Selbsteinschätzung gelöscht",
  peer_excluded: "Aus dem Vergleich genommen",
  peer_included: "Wieder in den Vergleich aufgenommen",
  peer_approved: "Für den Vergleich freigegeben",
  peer_approval_revoked: "Freigabe zurückgenommen",
} as const;

export type TAuditAction = keyof typeof AUDIT_ACTIONS;
export type TAuditOutcome = "success" | "failure";

export const AUDIT_OUTCOMES: Record<TAuditOutcome, string> = { success: "erfolgreich", failure: "abgelehnt" };

export function isAuditAction(value: string): value is TAuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}

/** Who acted: the label shown in the trail, and the identity provider's subject of a named account. */
export type TAuditActor = { label: string; subject: string | null };

/** The actor of a session opened with the shared operator password. */
export const SHARED_PASSWORD_ACTOR: TAuditActor = { label: "Gemeinsames Passwort", subject: null };

/** The actor of a named login refused before the provider vouched for an account. */
export const UNKNOWN_ACCOUNT_ACTOR: TAuditActor = { label: "Unbekanntes Dienstkonto", subject: null };

/** The actor of `npm run codes` (scripts/codes.mjs): the operating-system user who ran it. */
export function commandLineActor(osUser: string): TAuditActor {
  return { label: `Kommandozeile (${osUser || "unbekannt"})`, subject: null };
}

/** Audit entries are kept this many years (npm run cleanup; docs/datenschutz/verzeichnis-art-30.md). */
export const AUDIT_RETENTION_YEARS = 2;

/**
 * At most this many failed logins are recorded per hour, over all clients: enough to see an attack, while a
 * flood of guesses from many addresses cannot fill the table (the per-client login limit comes first).
 */
export const AUDIT_FAILED_LOGINS_PER_HOUR = 200;
