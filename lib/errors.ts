import type { TFieldIssue } from "./validation/zod-de";
import { getQuestion } from "./survey/reference";
import { formatWait } from "./format/wait";

// Every way the application can fail, as values (docs/adr/0001), in one union with two tables: describeError
// gives the German sentence a page, a form or an answer shows, statusOf the HTTP status a route answers with
// (lib/http/errors.ts builds the JSON body from both). A new kind needs a line in each table, or the compiler
// refuses it.

/** Every way a use case on assessments, colleagues, participation codes and the figures can fail, in domain words. */
export type TAssessmentError =
  | { kind: "invalid_input"; issues: TFieldIssue[] }
  /** The request's body could not be read as JSON; the HTTP layer knows and says why (size, type, syntax). */
  | { kind: "unreadable_request" }
  | { kind: "assessment_not_found" }
  | { kind: "stale_version"; currentVersion: number }
  | { kind: "assessment_submitted" }
  | { kind: "incomplete"; unanswered: string[] }
  | { kind: "rate_limited"; retryAfterSeconds: number; limit?: "login" }
  /** A participation code that is not (or no longer) valid: unknown, replaced or revoked; one message for all. */
  | { kind: "code_invalid"; path: string }
  /** Not a code at all: wrong length or characters, or far too long. */
  | { kind: "code_malformed"; path: string }
  /**
   * A valid code, but the request or the assessment names another unit of the register (another Gemeinde, or a
   * Gemeinde's code for its Amt and the other way round): codeUnit is the code's unit, givenUnit the one named.
   */
  | { kind: "code_other_municipality"; path: string; codeUnit: string; givenUnit: string }
  | { kind: "already_verified"; unitName: string }
  /** A register key (8 or 9 digits) that names no unit one can answer for; message says why in German. */
  | { kind: "unknown_unit"; path: string; message: string }
  /**
   * A participation code whose unit already has an assessment verified with a code: the respondent continues
   * that one (its link) instead of starting a second chain silently; confirmNewChain starts one on purpose.
   */
  | { kind: "unit_has_assessment"; unitName: string }
  /** A follow-up was asked for while the newest assessment of the chain is still a draft (editPath: where it is). */
  | { kind: "draft_open"; editPath: string }
  /** A colleague's link (docs/adr/0014-colleagues.md) used on a route of the lead: it may only answer its own set. */
  | { kind: "colleague_link" }
  /** A colleague's link that names no invitation, or an invitation id the assessment does not have. */
  | { kind: "invitation_not_found" }
  /** A 21st active invitation (or more than the total an assessment may ever have). */
  | { kind: "invitation_limit"; max: number; total: boolean }
  | { kind: "invitation_revoked" }
  | { kind: "invitation_expired" }
  /** The lead closed the round: colleagues read only, and no new invitation can be made. */
  | { kind: "round_closed"; who: "colleague" | "lead" };

/** Failures of the HTTP layer itself, before a use case runs. */
export type THttpError =
  | { kind: "invalid_json" }
  | { kind: "payload_too_large"; limitBytes: number }
  | { kind: "unsupported_media_type" }
  | { kind: "invalid_query"; issues: TFieldIssue[] }
  | { kind: "not_found" }
  /** A path with a malformed percent-encoding: it names nothing. */
  | { kind: "malformed_path" }
  | { kind: "forbidden_origin" };

/** Every way an operator use case can fail (the operator area, /betrieb). */
export type TOperatorError =
  /** No OPERATOR_PASSWORD_HASH: the operator area is switched off. */
  | { kind: "operator_disabled" }
  | { kind: "password_missing" }
  | { kind: "wrong_password" }
  | { kind: "rate_limited"; retryAfterSeconds: number; limit: "login" }
  /** An assessment the operator named by its id that no longer exists (deleted meanwhile). */
  | { kind: "assessment_gone" };

/** Why participation codes could not be issued or revoked (npm run codes, /betrieb/teilnahme). */
export type TCodeError = { kind: "invalid_selection"; issues: TFieldIssue[] };

export type TAppError = TAssessmentError | THttpError | TOperatorError | TCodeError;
export type TAppErrorKind = TAppError["kind"];

export const CODE_FORMAT_MESSAGE =
  "Der Teilnahmecode hat 16 Zeichen in vier Vierergruppen, zum Beispiel K7QF-2M9P-XW4D-HT6R. Die Ziffern 0 und 1 und die Buchstaben O und I kommen darin nicht vor.";

/** The HTTP status of each kind. */
const STATUS: { [K in TAppErrorKind]: number } = {
  invalid_input: 422,
  invalid_query: 422,
  invalid_json: 422,
  unreadable_request: 422,
  unsupported_media_type: 415,
  payload_too_large: 413,
  assessment_not_found: 404,
  not_found: 404,
  malformed_path: 404,
  stale_version: 409,
  assessment_submitted: 409,
  incomplete: 422,
  rate_limited: 429,
  code_invalid: 422,
  code_malformed: 422,
  code_other_municipality: 422,
  already_verified: 409,
  unknown_unit: 422,
  unit_has_assessment: 409,
  draft_open: 409,
  forbidden_origin: 403,
  colleague_link: 403,
  invitation_not_found: 404,
  invitation_limit: 422,
  invitation_revoked: 410,
  invitation_expired: 410,
  round_closed: 409,
  operator_disabled: 404,
  password_missing: 422,
  wrong_password: 401,
  assessment_gone: 404,
  invalid_selection: 422,
};

/** The German sentence of each kind (plain language, Sie-form). */
const WORDS: { [K in TAppErrorKind]: (error: Extract<TAppError, { kind: K }>) => string } = {
  invalid_input: (e) => describeIssues(e.issues),
  invalid_query: (e) => describeIssues(e.issues),
  invalid_json: () => "Die Anfrage enthält kein gültiges JSON.",
  unreadable_request: () => "Die Anfrage enthält kein gültiges JSON.",
  unsupported_media_type: () => "Bitte senden Sie die Daten als JSON (Content-Type: application/json).",
  payload_too_large: (e) => `Die Anfrage ist zu groß (höchstens ${Math.round(e.limitBytes / 1024)} KB).`,
  assessment_not_found: () => "Zu diesem Link gibt es keine Selbsteinschätzung. Bitte prüfen Sie den Link.",
  not_found: () => "Zu diesem Link gibt es keine Selbsteinschätzung. Bitte prüfen Sie den Link.",
  malformed_path: () => "Diese Adresse gibt es nicht.",
  stale_version: () =>
    "Diese Selbsteinschätzung wurde inzwischen an anderer Stelle geändert. Bitte laden Sie den aktuellen Stand und wiederholen Sie Ihre Änderung.",
  assessment_submitted: () =>
    "Diese Selbsteinschätzung ist abgeschlossen. Öffnen Sie sie zur Bearbeitung, um Antworten zu ändern.",
  incomplete: (e) =>
    `${e.unanswered.length === 1 ? "Es ist noch 1 Frage offen" : `Es sind noch ${e.unanswered.length} Fragen offen`}. Bitte beantworten Sie alle Fragen, bevor Sie absenden.`,
  rate_limited: (e) =>
    e.limit === "login"
      ? `Zu viele Anmeldeversuche. Bitte warten Sie ${formatWait(e.retryAfterSeconds)} und versuchen Sie es dann erneut.`
      : `Zu viele Anfragen in kurzer Zeit. Bitte warten Sie ${formatWait(e.retryAfterSeconds)} und versuchen Sie es dann erneut.`,
  code_invalid: () =>
    "Dieser Teilnahmecode ist nicht gültig. Bitte prüfen Sie Ihre Eingabe. Funktioniert er weiterhin nicht, bitten Sie die Stelle, die Sie eingeladen hat, um einen neuen Code.",
  code_malformed: () => CODE_FORMAT_MESSAGE,
  code_other_municipality: (e) =>
    `Dieser Teilnahmecode gehört zu ${e.codeUnit}, nicht zu ${e.givenUnit}. Ein Code gilt nur für die Verwaltung oder Gemeinde, für die er ausgestellt wurde. Lassen Sie die Angaben zur Kommune leer: Mit dem Code übernehmen wir sie aus dem amtlichen Gemeindeverzeichnis.`,
  already_verified: (e) => `Diese Selbsteinschätzung ist bereits mit einem Teilnahmecode bestätigt (${e.unitName}).`,
  unknown_unit: (e) => e.message,
  unit_has_assessment: (e) =>
    `Für ${e.unitName} gibt es bereits eine Selbsteinschätzung, die mit einem Teilnahmecode bestätigt ist. Bitte setzen Sie diese mit Ihrem Link fort. Haben Sie den Link nicht mehr, können Sie bewusst eine neue beginnen (confirmNewChain); die bisherige bleibt dann bestehen.`,
  draft_open: () =>
    "Es gibt bereits eine Selbsteinschätzung, die noch nicht abgesendet ist. Bitte setzen Sie diese fort und senden Sie sie ab; danach können Sie eine neue beginnen.",
  forbidden_origin: () => "Diese Anfrage kommt von einer fremden Website und wurde deshalb abgelehnt.",
  colleague_link: () =>
    "Dies ist der Link einer Kollegin oder eines Kollegen. Mit ihm können Sie nur Ihre eigenen Antworten geben; die Selbsteinschätzung der Verwaltung, die Einladungen und den Vergleich öffnet nur der Link der federführenden Person.",
  invitation_not_found: () => "Zu diesem Link gibt es keine Einladung. Bitte prüfen Sie den Link.",
  invitation_limit: (e) =>
    e.total
      ? `Für diese Selbsteinschätzung wurden bereits ${e.max} Einladungen angelegt, mehr sind nicht möglich.`
      : `Sie können höchstens ${e.max} Kolleginnen und Kollegen zugleich einladen. Ziehen Sie eine Einladung zurück, bevor Sie eine neue anlegen.`,
  invitation_revoked: () =>
    "Diese Einladung wurde zurückgezogen. Ihre Antworten sind gelöscht. Bitte wenden Sie sich an die Person, die Sie eingeladen hat.",
  invitation_expired: () =>
    "Diese Einladung ist abgelaufen: 30 Tage nach dem Ende der Runde werden die Antworten gelöscht. Bitte wenden Sie sich an die Person, die Sie eingeladen hat.",
  round_closed: (e) =>
    e.who === "colleague"
      ? "Die Runde ist beendet. Sie können Ihre Antworten noch lesen, aber nicht mehr ändern."
      : "Sie haben die Runde beendet. Neue Einladungen sind für diese Selbsteinschätzung nicht mehr möglich; im nächsten Jahr können Sie wieder einladen.",
  operator_disabled: () => "Der Betriebsbereich ist nicht eingerichtet.",
  password_missing: () => "Bitte geben Sie das Passwort ein.",
  wrong_password: () => "Das Passwort ist nicht richtig. Bitte prüfen Sie es und versuchen Sie es erneut.",
  assessment_gone: () => "Diese Selbsteinschätzung gibt es nicht mehr. Vielleicht wurde sie inzwischen gelöscht.",
  invalid_selection: (e) => e.issues.map((i) => i.message).join(" "),
};

/** The German sentence for an error: what pages, forms and the API's `error` field show. */
export function describeError(error: TAppError): string {
  return (WORDS[error.kind] as (e: TAppError) => string)(error);
}

/** The HTTP status an error is answered with. */
export function statusOf(error: TAppError): number {
  return STATUS[error.kind];
}

/** The fields at fault, where an error has any: what the API's `issues` and a form's error summary list. */
export function issuesOf(error: TAppError): TFieldIssue[] | undefined {
  switch (error.kind) {
    case "invalid_input":
    case "invalid_query":
    case "invalid_selection":
      return error.issues;
    case "code_invalid":
    case "code_malformed":
    case "code_other_municipality":
    case "unknown_unit":
      return [{ path: error.path, message: describeError(error) }];
    case "incomplete":
      return error.unanswered.map((id) => ({
        path: `answers.${id}`,
        message: `Noch nicht beantwortet: ${getQuestion(id)?.text ?? id}`,
      }));
    default:
      return undefined;
  }
}

function describeIssues(issues: TFieldIssue[]): string {
  const first = issues[0];
  if (!first) return "Die Angaben sind ungültig.";
  const field = first.path ? ` (Feld: ${first.path})` : "";
  const more = issues.length > 1 ? ` Weitere Fehler: ${issues.length - 1}.` : "";
  return `Die Angaben sind ungültig${field}: ${first.message}${more}`;
}
