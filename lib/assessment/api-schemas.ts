import { z } from "zod";
import "../validation/zod-de";
import { ZBenchmark } from "../benchmark/benchmark-schema";
import { ZCreateAssessmentRequest, ZRespondentRole } from "../profile/profile-schema";
import { ZSizeClass } from "../profile/size-class";
import { ZStateCode } from "../profile/states";
import { ZAnswersPatch } from "../survey/answer-schema";
import { RESPONSIBLE_MAX_CHARS } from "../benchmark/target-limits";
import { freeText } from "../validation/free-text";
import { ZColleagueRole, ZRound } from "../colleagues/api-schemas";
import { ZAgs, ZUnitKey } from "../validation/keys";

/**
 * Request and response schemas of the assessment routes (docs/api.md), one pair per route. The
 * routes are typed against the responses (lib/http/handle-route.ts, jsonOf), and the API tests parse
 * every response they receive with them. No server-only import: tests and, later, the OpenAPI document
 * load this file.
 */

const ZIsoDate = z.iso.datetime({ offset: true });
const ZToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const ZId = z.uuid();
const ZVersion = z.number().int().min(1);

export { ZCreateAssessmentRequest };

/** POST /api/assessments → 201. `notices`: e.g. an AGS that is not in the register (a newer merger). */
export const ZCreateAssessmentResponse = z.strictObject({
  id: ZId,
  token: ZToken,
  editUrl: z.url(),
  notices: z.array(z.string()),
});

export const ZMunicipality = z.strictObject({
  name: z.string().min(1),
  state: ZStateCode,
  population: z.number().int().min(1),
  sizeClass: ZSizeClass,
  ags: ZAgs.nullable(),
  agsGebietsstand: z.iso.date().nullable(),
  /** "gemeinde", or "verwaltung" for a Gemeindeverband that answers for its members (docs/adr/0013). */
  kind: z.enum(["gemeinde", "verwaltung"]),
  /** The register key: AGS (8 digits) or Gemeindeverband (9 digits); null for a name typed by hand. */
  key: ZUnitKey.nullable(),
  /** Gemeinden the unit answers for (1 for a Gemeinde); population is the population it serves. */
  memberCount: z.number().int().min(1),
});

/** GET /api/assessments/{token} → 200. */
export const ZPublicAssessment = z.strictObject({
  id: ZId,
  status: z.enum(["draft", "submitted"]),
  municipality: ZMunicipality,
  respondentRole: ZRespondentRole,
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  version: ZVersion,
  referenceId: z.string(),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
  submittedAt: ZIsoDate.nullable(),
  /** When the assessment was bound to its municipality with a participation code; null: unverified. */
  verifiedAt: ZIsoDate.nullable(),
});

/** POST /api/assessments/{token}/verify. */
export const ZVerifyRequest = z.strictObject(
  { code: z.string({ error: "Bitte geben Sie den Teilnahmecode als Text an." }) },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekanntes Feld: ${iss.keys.join(", ")}`
        : 'Erwartet wird ein JSON-Objekt mit dem Teilnahmecode: { "code": "…" }.',
  },
);
/** POST /api/assessments/{token}/verify → 200. */
export const ZVerifyResponse = z.strictObject({
  verified: z.literal(true),
  municipality: z.strictObject({
    /** The AGS of a Gemeinde; null when the code belongs to a Gemeindeverband. */
    ags: ZAgs.nullable(),
    key: ZUnitKey,
    kind: z.enum(["gemeinde", "verwaltung"]),
    name: z.string(),
  }),
  version: ZVersion,
});

export const ZSaveAnswersRequest = z.strictObject(
  {
    version: z
      .number({ error: "Die Versionsnummer (version) fehlt oder ist keine Zahl." })
      .int("Die Versionsnummer muss eine ganze Zahl sein.")
      .min(1, "Die Versionsnummer muss mindestens 1 sein."),
    answers: ZAnswersPatch,
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekanntes Feld: ${iss.keys.join(", ")}`
        : "Erwartet wird ein JSON-Objekt mit version und answers.",
  },
);
/** PUT /api/assessments/{token}/answers → 200: the new version. */
export const ZSaveAnswersResponse = z.strictObject({ version: ZVersion });

/** POST /api/assessments/{token}/submit → 200 (also for an assessment submitted before). */
export const ZSubmitResponse = z.strictObject({ status: z.literal("submitted"), version: ZVersion });
/** POST /api/assessments/{token}/reopen → 200. */
export const ZReopenResponse = z.strictObject({ status: z.literal("draft"), version: ZVersion });
/** POST /api/assessments/{token}/renew → 200: the new edit link; the old one answers 404 from now on. */
export const ZRenewResponse = z.strictObject({ token: ZToken, editUrl: z.url() });

/** POST /api/assessments/{token}/follow-up → 201: the new draft; the edit link passes to it (the same token). */
export const ZFollowUpResponse = z.strictObject({ id: ZId, token: ZToken, editUrl: z.url() });

const ZAnswerOrNull = z.union([z.string(), z.array(z.string())]).nullable();
const ZScoreOrNull = z.number().min(0).max(100).nullable();

/** GET /api/assessments/{token}/history → the chain behind the link, oldest first. */
export const ZHistoryResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      id: ZId,
      status: z.enum(["draft", "submitted"]),
      submittedAt: ZIsoDate.nullable(),
      year: z.number().int(),
      label: z
        .string()
        .describe('The year ("2026"), or month and year ("März 2026") where two of the chain share a year'),
      index: ZScoreOrNull,
      dimensions: z.strictObject({
        strategy: ZScoreOrNull,
        processes: ZScoreOrNull,
        services: ZScoreOrNull,
        capabilities: ZScoreOrNull,
        work: ZScoreOrNull,
      }),
      changes: z.array(z.strictObject({ questionId: z.string(), from: ZAnswerOrNull, to: ZAnswerOrNull })),
    }),
  ),
});

const TARGET_YEAR_MESSAGE = "Das Zieljahr muss eine Jahreszahl sein.";
const RESPONSIBLE_MESSAGE = "Bitte nennen Sie, wer verantwortlich ist.";

export const ZTarget = z.strictObject({
  option: z
    .string({ error: "Bitte wählen Sie eine Zielantwort." })
    .min(1, "Bitte wählen Sie eine Zielantwort.")
    .max(100, "Diese Antwort gibt es nicht."),
  year: z
    .number({ error: TARGET_YEAR_MESSAGE })
    .int(TARGET_YEAR_MESSAGE)
    .min(2000, TARGET_YEAR_MESSAGE)
    .max(2200, TARGET_YEAR_MESSAGE),
  responsible: freeText(
    z
      .string({ error: RESPONSIBLE_MESSAGE })
      .trim()
      .min(1, RESPONSIBLE_MESSAGE)
      .max(RESPONSIBLE_MAX_CHARS, `Bitte fassen Sie die Verantwortung in höchstens ${RESPONSIBLE_MAX_CHARS} Zeichen.`),
    "Die Angabe, wer verantwortlich ist,",
  ),
});

/** PUT /api/assessments/{token}/targets: all targets of the newest assessment at once (an empty object clears them). */
export const ZTargetsRequest = z.strictObject({
  version: z.number({ error: "Die Version fehlt." }).int().min(1),
  targets: z
    .record(z.string().max(100, "Diese Frage gibt es nicht."), ZTarget, { error: "Die Ziele müssen ein Objekt sein." })
    .refine((t) => Object.keys(t).length <= 100, "Zu viele Ziele."),
});

/** PUT …/targets → the new version; GET …/targets → the version and the targets. */
export const ZTargetsResponse = z.strictObject({ version: ZVersion });
export const ZTargetsView = z.strictObject({ version: ZVersion, targets: z.record(z.string(), ZTarget) });

/** GET /api/assessments/{token}/benchmark → 200: the benchmark with the assessment's status and size context. */
export const ZAssessmentBenchmark = ZBenchmark.extend({
  status: z.enum(["draft", "submitted"]),
  municipality: ZMunicipality,
  context: z.strictObject({
    national: z.number().int().min(0),
    inState: z.number().int().min(0),
    gebietsstand: z.iso.date(),
    source: z.string(),
    sizeClass: ZSizeClass,
  }),
});

/** GET /api/assessments/{token}/export → 200: everything stored about the assessment (GDPR Art. 15/20). */
export const ZAssessmentExport = z.strictObject({
  exportedAt: ZIsoDate,
  note: z.string(),
  assessment: z.strictObject({
    id: ZId,
    status: z.enum(["draft", "submitted"]),
    version: ZVersion,
    referenceId: z.string(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
    submittedAt: ZIsoDate.nullable(),
    respondentRole: ZRespondentRole,
    municipality: ZMunicipality,
    peerStatistics: z.strictObject({
      countsAsPeer: z.boolean(),
      excludedByOperator: z.boolean(),
      approvedByOperator: z.boolean(),
      indexScore: z.number().nullable(),
    }),
  }),
  answers: z.array(
    z.strictObject({
      questionId: z.string(),
      question: z.string(),
      answer: z.union([z.string(), z.array(z.string())]),
      labels: z.array(z.string()),
    }),
  ),
  /** The targets of this assessment (the Maßnahmenplan). */
  targets: z.record(z.string(), ZTarget),
  /** The municipality's earlier years behind the same link, oldest first, with their answers. */
  earlierYears: z.array(
    z.strictObject({
      id: ZId,
      status: z.enum(["draft", "submitted"]),
      createdAt: ZIsoDate,
      submittedAt: ZIsoDate.nullable(),
      answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    }),
  ),
  /** The colleagues invited to answer on their own (docs/adr/0014-colleagues.md); "skip" = left to somebody else. */
  colleagues: z.strictObject({
    round: ZRound,
    answeredWhenClosed: z.number().int().min(0).nullable(),
    disputedWhenClosed: z.number().int().min(0).nullable(),
    invitations: z.array(
      z.strictObject({
        id: ZId,
        role: ZColleagueRole,
        label: z.string().nullable(),
        createdAt: ZIsoDate,
        answeredAt: ZIsoDate.nullable(),
        revokedAt: ZIsoDate.nullable(),
        answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
      }),
    ),
  }),
});
