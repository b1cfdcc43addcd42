import { z } from "zod";
import "../validation/zod-de";
import { ZBenchmark } from "../benchmark/benchmark-schema";
import { ZCreateAssessmentRequest, ZRespondentRole } from "../profile/profile-schema";
import { ZSizeClass } from "../profile/size-class";
import { ZStateCode } from "../profile/states";
import { ZAnswersPatch } from "../survey/answer-schema";

/**
 * Request and response schemas of the assessment routes (CONTRACT.md section 3), one pair per route. The
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
  ags: z
    .string()
    .regex(/^\d{8}$/)
    .nullable(),
  agsGebietsstand: z.iso.date().nullable(),
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
  municipality: z.strictObject({ ags: z.string().regex(/^\d{8}$/), name: z.string() }),
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
});
