import type { z } from "zod";
import {
  ZAssessmentBenchmark,
  ZAssessmentExport,
  ZCreateAssessmentRequest,
  ZCreateAssessmentResponse,
  ZFollowUpResponse,
  ZHistoryResponse,
  ZPublicAssessment,
  ZRenewResponse,
  ZReopenResponse,
  ZSaveAnswersRequest,
  ZSaveAnswersResponse,
  ZSubmitResponse,
  ZTargetsRequest,
  ZTargetsResponse,
  ZTargetsView,
  ZVerifyRequest,
  ZVerifyResponse,
} from "../assessment/api-schemas";
import {
  ZCloseRoundResponse,
  ZColleagueSaveRequest,
  ZColleagueSaveResponse,
  ZColleagueView,
  ZComparison,
  ZCreateInvitationRequest,
  ZCreateInvitationResponse,
  ZInvitationList,
  ZReinviteResponse,
  ZSettleRequest,
  ZSettleResponse,
} from "../colleagues/api-schemas";
import { ZHealthResponse } from "../db/health-schema";
import { ZSizeClass } from "../profile/size-class";
import { ZLagebildResponse } from "../lagebild/lagebild-schema";
import { ZMunicipalitySearchResponse } from "../municipalities/search-query";
import { ZPeerComparison } from "../peers/peer-query";
import { ZReference } from "../survey/schema";
import { ZErrorBody } from "./errors";

/**
 * Every route of the JSON API with the zod schemas its handler is typed against (lib/http/handle-route.ts,
 * jsonOf): the one list from which the OpenAPI document is generated (lib/http/openapi.ts) and against
 * which the API tests check every response (tests/support/response-schemas.ts). No server-only import.
 */
type TApiResponse = { description: string; schema?: z.ZodType; contentType?: string };
export type TApiRoute = {
  method: "get" | "post" | "put" | "delete";
  /** OpenAPI path template: "/api/assessments/{token}". */
  path: string;
  summary: string;
  tag: "Selbsteinschätzung" | "Vergleich" | "Lagebild" | "Referenz" | "Betrieb";
  query?: { name: string; description: string; enum?: readonly string[] }[];
  body?: z.ZodType;
  responses: Record<number, TApiResponse>;
};

const E = (description: string): TApiResponse => ({ description, schema: ZErrorBody });
const NOT_FOUND = E("Zu diesem Link gibt es keine Selbsteinschätzung.");
const INVALID = E("Ungültige Eingabe; `issues` nennt die Felder.");
const COLLEAGUE_LINK = E("Der Link einer Kollegin oder eines Kollegen: er darf nur die eigenen Antworten geben");
const LIMITED = E("Zu viele Anfragen; `retryAfterSeconds` nennt die Wartezeit.");
const BODY_ERRORS = {
  413: E("Die Anfrage ist zu groß."),
  415: E("Kein JSON (Content-Type)."),
  422: INVALID,
} as const;
const FILTER = [
  { name: "state", description: "Bundesland, ISO 3166-2 (DE-BY)" },
  { name: "sizeClass", description: "Größenklasse", enum: ZSizeClass.options },
];
const file = (contentType: string, description: string): TApiResponse => ({ description, contentType });

export const API_ROUTES: TApiRoute[] = [
  {
    method: "post",
    path: "/api/assessments",
    tag: "Selbsteinschätzung",
    summary: "Selbsteinschätzung anlegen (mit Profil oder Teilnahmecode)",
    body: ZCreateAssessmentRequest,
    responses: {
      201: { description: "Angelegt", schema: ZCreateAssessmentResponse },
      ...BODY_ERRORS,
      409: E(
        "Für die Verwaltung des Teilnahmecodes gibt es schon eine bestätigte Selbsteinschätzung (confirmNewChain: true beginnt bewusst eine neue)",
      ),
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/assessments/{token}",
    tag: "Selbsteinschätzung",
    summary: "Die neueste Selbsteinschätzung hinter einem Link",
    responses: {
      200: { description: "Die Selbsteinschätzung", schema: ZPublicAssessment },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "delete",
    path: "/api/assessments/{token}",
    tag: "Selbsteinschätzung",
    summary: "Das neueste Jahr löschen (scope=all: alle Jahre)",
    query: [{ name: "scope", description: "latest (Vorgabe) oder all", enum: ["latest", "all"] }],
    responses: { 204: { description: "Gelöscht" }, 403: COLLEAGUE_LINK, 404: NOT_FOUND, 422: INVALID, 429: LIMITED },
  },
  {
    method: "put",
    path: "/api/assessments/{token}/answers",
    tag: "Selbsteinschätzung",
    summary: "Antworten speichern (mit Version)",
    body: ZSaveAnswersRequest,
    responses: {
      200: { description: "Gespeichert", schema: ZSaveAnswersResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      409: E("Veraltete Version oder bereits abgesendet"),
      ...BODY_ERRORS,
      429: LIMITED,
    },
  },
  {
    method: "post",
    path: "/api/assessments/{token}/submit",
    tag: "Selbsteinschätzung",
    summary: "Absenden",
    responses: {
      200: { description: "Abgesendet", schema: ZSubmitResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      409: E("Veraltete Version"),
      422: E("Unvollständig; `unanswered` nennt die offenen Fragen"),
      429: LIMITED,
    },
  },
  {
    method: "post",
    path: "/api/assessments/{token}/reopen",
    tag: "Selbsteinschätzung",
    summary: "Wieder zur Bearbeitung öffnen",
    responses: {
      200: { description: "Geöffnet", schema: ZReopenResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "post",
    path: "/api/assessments/{token}/renew",
    tag: "Selbsteinschätzung",
    summary: "Neuen Link erzeugen",
    responses: {
      200: { description: "Neuer Link", schema: ZRenewResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "post",
    path: "/api/assessments/{token}/verify",
    tag: "Selbsteinschätzung",
    summary: "Mit Teilnahmecode bestätigen",
    body: ZVerifyRequest,
    responses: {
      200: { description: "Bestätigt", schema: ZVerifyResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      409: E("Bereits bestätigt"),
      ...BODY_ERRORS,
      429: LIMITED,
    },
  },
  {
    method: "post",
    path: "/api/assessments/{token}/follow-up",
    tag: "Selbsteinschätzung",
    summary: "Neue Selbsteinschätzung für das nächste Jahr (vorausgefüllt; der Link geht auf sie über)",
    responses: {
      201: { description: "Angelegt", schema: ZFollowUpResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      409: E("Es gibt bereits einen Entwurf; `editPath` nennt ihn"),
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/assessments/{token}/history",
    tag: "Selbsteinschätzung",
    summary: "Alle Jahre, das älteste zuerst, mit Änderungen",
    responses: {
      200: { description: "Verlauf", schema: ZHistoryResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/assessments/{token}/targets",
    tag: "Selbsteinschätzung",
    summary: "Ziele und Version",
    responses: {
      200: { description: "Ziele", schema: ZTargetsView },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "put",
    path: "/api/assessments/{token}/targets",
    tag: "Selbsteinschätzung",
    summary: "Ziele setzen (alle auf einmal, mit Version)",
    body: ZTargetsRequest,
    responses: {
      200: { description: "Gespeichert", schema: ZTargetsResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      409: E("Veraltete Version"),
      ...BODY_ERRORS,
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/assessments/{token}/benchmark",
    tag: "Selbsteinschätzung",
    summary: "Vergleich mit der Umfrage 2020",
    responses: {
      200: { description: "Benchmark", schema: ZAssessmentBenchmark },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/assessments/{token}/export",
    tag: "Selbsteinschätzung",
    summary: "Alle gespeicherten Daten (DSGVO Art. 15/20)",
    responses: {
      200: { description: "Export", schema: ZAssessmentExport },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/assessments/{token}/report.pdf",
    tag: "Selbsteinschätzung",
    summary: "PDF-Bericht",
    query: [
      {
        name: "leichteSprache",
        description: "ja: mit dem Ergebnis in Leichter Sprache als Seite nach dem Deckblatt",
        enum: ["ja", "nein"],
      },
    ],
    responses: {
      200: file("application/pdf", "PDF (PDF/UA)"),
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      422: INVALID,
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/assessments/{token}/colleagues",
    tag: "Selbsteinschätzung",
    summary: "Einladungen an Kolleginnen und Kollegen (ohne deren Links) und der Stand der Runde",
    responses: {
      200: { description: "Einladungen", schema: ZInvitationList },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "post",
    path: "/api/assessments/{token}/colleagues",
    tag: "Selbsteinschätzung",
    summary: "Eine Kollegin oder einen Kollegen einladen (Rolle, optional Bezeichnung); der Link wird nur hier genannt",
    body: ZCreateInvitationRequest,
    responses: {
      201: { description: "Eingeladen", schema: ZCreateInvitationResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      409: E("Die Runde ist beendet"),
      ...BODY_ERRORS,
      422: E("Ungültige Eingabe, oder schon 20 Einladungen"),
      429: LIMITED,
    },
  },
  {
    method: "post",
    path: "/api/assessments/{token}/colleagues/reinvite",
    tag: "Selbsteinschätzung",
    summary: "Im Folgejahr dieselben Rollen wie im Vorjahr wieder einladen (neue Links, nur hier genannt)",
    responses: {
      201: {
        description: "Eingeladen (leer, wenn es in diesem Jahr schon Einladungen gibt)",
        schema: ZReinviteResponse,
      },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      409: E("Die Runde ist beendet"),
      429: LIMITED,
    },
  },
  {
    method: "delete",
    path: "/api/assessments/{token}/colleagues/{id}",
    tag: "Selbsteinschätzung",
    summary: "Eine Einladung zurückziehen (ihre Antworten werden gelöscht)",
    responses: {
      204: { description: "Zurückgezogen" },
      403: COLLEAGUE_LINK,
      404: E("Diese Selbsteinschätzung oder Einladung gibt es nicht"),
      429: LIMITED,
    },
  },
  {
    method: "post",
    path: "/api/assessments/{token}/colleagues/close",
    tag: "Selbsteinschätzung",
    summary: "Die Runde beenden: Die Links der Kolleginnen und Kollegen lesen nur noch und laufen nach 30 Tagen ab",
    responses: {
      200: { description: "Beendet", schema: ZCloseRoundResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/assessments/{token}/colleagues/comparison",
    tag: "Selbsteinschätzung",
    summary: "Wo wir uns uneinig sind: die Antworten aller je Frage, die größte Uneinigkeit zuerst",
    responses: {
      200: { description: "Vergleich", schema: ZComparison },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      429: LIMITED,
    },
  },
  {
    method: "put",
    path: "/api/assessments/{token}/colleagues/settle",
    tag: "Selbsteinschätzung",
    summary: "Antworten festlegen: je Frage eine Antwort, die in der Runde gegeben wurde (mit Version)",
    body: ZSettleRequest,
    responses: {
      200: { description: "Festgelegt", schema: ZSettleResponse },
      403: COLLEAGUE_LINK,
      404: NOT_FOUND,
      409: E("Veraltete Version oder bereits abgesendet"),
      ...BODY_ERRORS,
      422: E("Ungültige Eingabe: eine Antwort, die es nicht gibt oder die niemand gegeben hat"),
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/colleagues/{token}",
    tag: "Selbsteinschätzung",
    summary: "Die eigenen Antworten einer Kollegin oder eines Kollegen (mit Version)",
    responses: {
      200: { description: "Die eigenen Antworten", schema: ZColleagueView },
      404: E("Zu diesem Link gibt es keine Einladung"),
      410: E("Die Einladung wurde zurückgezogen oder ist abgelaufen"),
      429: LIMITED,
    },
  },
  {
    method: "put",
    path: "/api/colleagues/{token}/answers",
    tag: "Selbsteinschätzung",
    summary: 'Eigene Antworten speichern (mit Version; "skip": soll jemand anderes beantworten)',
    body: ZColleagueSaveRequest,
    responses: {
      200: { description: "Gespeichert", schema: ZColleagueSaveResponse },
      404: E("Zu diesem Link gibt es keine Einladung"),
      409: E("Veraltete Version oder die Runde ist beendet"),
      410: E("Die Einladung wurde zurückgezogen oder ist abgelaufen"),
      ...BODY_ERRORS,
      429: LIMITED,
    },
  },
  {
    method: "get",
    path: "/api/peers",
    tag: "Vergleich",
    summary: "Veröffentlichte Vergleichszahlen",
    query: FILTER,
    responses: { 200: { description: "Vergleich", schema: ZPeerComparison }, 422: INVALID },
  },
  {
    method: "get",
    path: "/api/peers/csv",
    tag: "Vergleich",
    summary: "Vergleichszahlen als CSV (Excel)",
    query: FILTER,
    responses: { 200: file("text/csv", "CSV, UTF-8 mit BOM, Semikolon"), 422: INVALID },
  },
  {
    method: "get",
    path: "/api/lagebild",
    tag: "Lagebild",
    summary: "Lagebild der teilnehmenden Kommunen mit Schätzung",
    query: FILTER,
    responses: { 200: { description: "Lagebild", schema: ZLagebildResponse }, 422: INVALID },
  },
  {
    method: "get",
    path: "/api/lagebild/report.pdf",
    tag: "Lagebild",
    summary: "Lagebild als PDF",
    query: FILTER,
    responses: { 200: file("application/pdf", "PDF (PDF/UA)"), 422: INVALID },
  },
  {
    method: "get",
    path: "/api/lagebild/export.csv",
    tag: "Lagebild",
    summary: "Lagebild als CSV (Excel)",
    query: FILTER,
    responses: { 200: file("text/csv", "CSV, UTF-8 mit BOM, Semikolon"), 422: INVALID },
  },
  {
    method: "get",
    path: "/api/lagebild/export.xlsx",
    tag: "Lagebild",
    summary: "Lagebild als Excel-Datei",
    query: FILTER,
    responses: {
      200: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX, ein Blatt je Tabelle"),
      422: INVALID,
    },
  },
  {
    method: "get",
    path: "/api/municipalities",
    tag: "Referenz",
    summary: "Gemeinden und Verwaltungen (Ämter, Verbandsgemeinden …) im amtlichen Gemeindeverzeichnis suchen",
    query: [
      { name: "q", description: "Name, mindestens 2 Zeichen" },
      { name: "state", description: "Bundesland, ISO 3166-2" },
      { name: "limit", description: "1 bis 20" },
      {
        name: "members",
        description: "true: jede Verwaltung listet ihre Gemeinden (AGS, Name, Einwohnerzahl)",
        enum: ["true", "false"],
      },
    ],
    responses: { 200: { description: "Treffer", schema: ZMunicipalitySearchResponse }, 422: INVALID },
  },
  {
    method: "get",
    path: "/api/reference/2020",
    tag: "Referenz",
    summary: "Die Referenzdaten der Umfrage 2020",
    responses: { 200: { description: "Referenzdatei", schema: ZReference } },
  },
  {
    method: "get",
    path: "/api/health",
    tag: "Betrieb",
    summary: "Zustand der Anwendung und der Datenbank",
    responses: {
      200: { description: "Bereit", schema: ZHealthResponse },
      503: { description: "Nicht bereit", schema: ZHealthResponse },
    },
  },
  {
    method: "get",
    path: "/api/metrics",
    tag: "Betrieb",
    summary: "Messwerte für Prometheus (nur mit Authorization: Bearer METRICS_TOKEN)",
    responses: {
      200: file(
        "text/plain",
        "Prometheus-Textformat: Anfragen je Route und Status, Dauer, Speichern, Veröffentlichungen, Abweisungen durch Ratenbegrenzung",
      ),
      401: E("Zugangsschlüssel fehlt oder ist falsch"),
      404: E("Keine Messwerte eingerichtet (METRICS_TOKEN nicht gesetzt)"),
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Referenz",
    summary: "Diese Beschreibung (OpenAPI 3.1)",
    responses: { 200: file("application/json", "OpenAPI 3.1") },
  },
];
