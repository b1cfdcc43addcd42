import { CODE_FORMAT_MESSAGE } from "../participation/code";
import { z } from "zod";
import type { TAssessmentError } from "../assessment/errors";
import type { TFieldIssue } from "../validation/zod-de";
import { getQuestion } from "../survey/reference";
import { formatWait } from "../format/wait";

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

export type TErrorBody = { error: string; issues?: TFieldIssue[]; [key: string]: unknown };

/**
 * Every error answer of the API (docs/api.md): a German message, the fields at fault where
 * there are any, and the extras some errors carry (the current version of a 409, the wait of a 429,
 * the unanswered questions of an incomplete submit).
 */
export const ZErrorBody = z.strictObject({
  error: z.string().min(1),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string().min(1) })).optional(),
  currentVersion: z.number().int().min(1).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  unanswered: z.array(z.string()).min(1).optional(),
  /** Where the open draft is (409 of a follow-up). */
  editPath: z.string().startsWith("/a/").optional(),
});

/**
 * The one mapping of error kinds to a status and a German message. Unexpected errors never
 * reach this table: route handlers catch them and answer with a generic 500 message without
 * details (see handle-route.ts).
 */
export function toErrorResponse(error: TAssessmentError | THttpError): { status: number; body: TErrorBody } {
  switch (error.kind) {
    case "invalid_input":
      return { status: 422, body: { error: describeIssues(error.issues), issues: error.issues } };
    case "invalid_query":
      return { status: 422, body: { error: describeIssues(error.issues), issues: error.issues } };
    case "invalid_json":
    case "unreadable_request":
      return { status: 422, body: { error: "Die Anfrage enthält kein gültiges JSON." } };
    case "unsupported_media_type":
      return { status: 415, body: { error: "Bitte senden Sie die Daten als JSON (Content-Type: application/json)." } };
    case "payload_too_large":
      return {
        status: 413,
        body: { error: `Die Anfrage ist zu groß (höchstens ${Math.round(error.limitBytes / 1024)} KB).` },
      };
    case "assessment_not_found":
    case "not_found":
      return {
        status: 404,
        body: { error: "Zu diesem Link gibt es keine Selbsteinschätzung. Bitte prüfen Sie den Link." },
      };
    case "stale_version":
      return {
        status: 409,
        body: {
          error:
            "Diese Selbsteinschätzung wurde inzwischen an anderer Stelle geändert. Bitte laden Sie den aktuellen Stand und wiederholen Sie Ihre Änderung.",
          currentVersion: error.currentVersion,
        },
      };
    case "assessment_submitted":
      return {
        status: 409,
        body: {
          error: "Diese Selbsteinschätzung ist abgeschlossen. Öffnen Sie sie zur Bearbeitung, um Antworten zu ändern.",
        },
      };
    case "rate_limited":
      return {
        status: 429,
        body: {
          error: `Zu viele Anfragen in kurzer Zeit. Bitte warten Sie ${formatWait(error.retryAfterSeconds)} und versuchen Sie es dann erneut.`,
          retryAfterSeconds: error.retryAfterSeconds,
        },
      };
    case "code_invalid": {
      const message =
        "Dieser Teilnahmecode ist nicht gültig. Bitte prüfen Sie Ihre Eingabe. Funktioniert er weiterhin nicht, bitten Sie die Stelle, die Sie eingeladen hat, um einen neuen Code.";
      return { status: 422, body: { error: message, issues: [{ path: error.path, message }] } };
    }
    case "code_malformed":
      return {
        status: 422,
        body: { error: CODE_FORMAT_MESSAGE, issues: [{ path: error.path, message: CODE_FORMAT_MESSAGE }] },
      };
    case "code_other_municipality": {
      const message = `Dieser Teilnahmecode gehört zu ${error.codeUnit}, nicht zu ${error.givenUnit}. Ein Code gilt nur für die Verwaltung oder Gemeinde, für die er ausgestellt wurde. Lassen Sie die Angaben zur Kommune leer: Mit dem Code übernehmen wir sie aus dem amtlichen Gemeindeverzeichnis.`;
      return { status: 422, body: { error: message, issues: [{ path: error.path, message }] } };
    }
    case "unknown_unit":
      return { status: 422, body: { error: error.message, issues: [{ path: error.path, message: error.message }] } };
    case "unit_has_assessment":
      return {
        status: 409,
        body: {
          error: `Für ${error.unitName} gibt es bereits eine Selbsteinschätzung, die mit einem Teilnahmecode bestätigt ist. Bitte setzen Sie diese mit Ihrem Link fort. Haben Sie den Link nicht mehr, können Sie bewusst eine neue beginnen (confirmNewChain); die bisherige bleibt dann bestehen.`,
        },
      };
    case "already_verified":
      return {
        status: 409,
        body: {
          error: `Diese Selbsteinschätzung ist bereits mit einem Teilnahmecode bestätigt (${error.unitName}).`,
        },
      };
    case "draft_open":
      return {
        status: 409,
        body: {
          error:
            "Es gibt bereits eine Selbsteinschätzung, die noch nicht abgesendet ist. Bitte setzen Sie diese fort und senden Sie sie ab; danach können Sie eine neue beginnen.",
          editPath: error.editPath,
        },
      };
    case "malformed_path":
      return { status: 404, body: { error: "Diese Adresse gibt es nicht." } };
    case "forbidden_origin":
      return {
        status: 403,
        body: { error: "Diese Anfrage kommt von einer fremden Website und wurde deshalb abgelehnt." },
      };
    case "colleague_link":
      return {
        status: 403,
        body: {
          error:
            "Dies ist der Link einer Kollegin oder eines Kollegen. Mit ihm können Sie nur Ihre eigenen Antworten geben; die Selbsteinschätzung der Verwaltung, die Einladungen und den Vergleich öffnet nur der Link der federführenden Person.",
        },
      };
    case "invitation_not_found":
      return { status: 404, body: { error: "Zu diesem Link gibt es keine Einladung. Bitte prüfen Sie den Link." } };
    case "invitation_limit":
      return {
        status: 422,
        body: {
          error: error.total
            ? `Für diese Selbsteinschätzung wurden bereits ${error.max} Einladungen angelegt, mehr sind nicht möglich.`
            : `Sie können höchstens ${error.max} Kolleginnen und Kollegen zugleich einladen. Ziehen Sie eine Einladung zurück, bevor Sie eine neue anlegen.`,
        },
      };
    case "invitation_revoked":
      return {
        status: 410,
        body: {
          error:
            "Diese Einladung wurde zurückgezogen. Ihre Antworten sind gelöscht. Bitte wenden Sie sich an die Person, die Sie eingeladen hat.",
        },
      };
    case "invitation_expired":
      return {
        status: 410,
        body: {
          error:
            "Diese Einladung ist abgelaufen: 30 Tage nach dem Ende der Runde werden die Antworten gelöscht. Bitte wenden Sie sich an die Person, die Sie eingeladen hat.",
        },
      };
    case "round_closed":
      return {
        status: 409,
        body: {
          error:
            error.who === "colleague"
              ? "Die Runde ist beendet. Sie können Ihre Antworten noch lesen, aber nicht mehr ändern."
              : "Sie haben die Runde beendet. Neue Einladungen sind für diese Selbsteinschätzung nicht mehr möglich; im nächsten Jahr können Sie wieder einladen.",
        },
      };
    case "incomplete":
      return {
        status: 422,
        body: {
          error: `${error.unanswered.length === 1 ? "Es ist noch 1 Frage offen" : `Es sind noch ${error.unanswered.length} Fragen offen`}. Bitte beantworten Sie alle Fragen, bevor Sie absenden.`,
          unanswered: error.unanswered,
          issues: error.unanswered.map((id) => ({
            path: `answers.${id}`,
            message: `Noch nicht beantwortet: ${getQuestion(id)?.text ?? id}`,
          })),
        },
      };
  }
}

function describeIssues(issues: TFieldIssue[]): string {
  const first = issues[0];
  if (!first) return "Die Angaben sind ungültig.";
  const field = first.path ? ` (Feld: ${first.path})` : "";
  const more = issues.length > 1 ? ` Weitere Fehler: ${issues.length - 1}.` : "";
  return `Die Angaben sind ungültig${field}: ${first.message}${more}`;
}
