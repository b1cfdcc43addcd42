import { z } from "zod";
import "../validation/zod-de";
import { reference } from "../survey/reference";
import { getValueSchema } from "../survey/answer-schema";
import { freeText } from "../validation/free-text";
import { SKIP } from "../benchmark/disagreement";

/**
 * Request and response schemas of the colleague routes (docs/adr/0014-colleagues.md): invitations,
 * a colleague's own answers, the comparison and settling. No server-only import: the OpenAPI document and the
 * API tests load this file.
 */

export { SKIP };
export const SKIP_LABEL = "Weiß ich nicht, soll jemand anderes beantworten";

/** The roles a lead can invite; no names, no e-mail addresses. */
export const COLLEAGUE_ROLES = [
  { id: "mayor", label: "Bürgermeisterin/Bürgermeister" },
  { id: "digital", label: "Digitalisierung" },
  { id: "it", label: "IT-Leitung" },
  { id: "finance", label: "Kämmerei" },
  { id: "personnel", label: "Personal" },
  { id: "other", label: "Sonstige" },
] as const;
export type TColleagueRole = (typeof COLLEAGUE_ROLES)[number]["id"];
export function colleagueRoleLabel(role: string): string {
  return COLLEAGUE_ROLES.find((r) => r.id === role)?.label ?? "Sonstige";
}

/** At most this many invitations of an assessment are active (not revoked) at once; at most MAX_TOTAL ever. */
export const MAX_INVITATIONS = 20;
export const MAX_INVITATIONS_TOTAL = 60;
export const LABEL_MAX_CHARS = 80;
/** A closed round's links read only for this many days, then they expire (and the cleanup deletes them). */
export const CLOSED_ROUND_DAYS = 30;

const ZIsoDate = z.iso.datetime({ offset: true });
const ZToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const ZId = z.uuid();
const ZVersion = z.number().int().min(1);
const ZAnswerValue = z.union([z.string(), z.array(z.string())]);

export const ZColleagueRole = z.enum(COLLEAGUE_ROLES.map((r) => r.id) as [TColleagueRole, ...TColleagueRole[]], {
  error: `Bitte wählen Sie eine Rolle: ${COLLEAGUE_ROLES.map((r) => r.label).join(", ")}.`,
});

/** POST /api/assessments/{token}/colleagues. */
export const ZCreateInvitationRequest = z.strictObject(
  {
    role: ZColleagueRole,
    label: freeText(
      z
        .string({ error: "Die Bezeichnung muss ein Text sein." })
        .trim()
        .max(LABEL_MAX_CHARS, `Bitte fassen Sie die Bezeichnung in höchstens ${LABEL_MAX_CHARS} Zeichen.`),
      "Die Bezeichnung",
    )
      .nullable()
      .optional(),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekanntes Feld: ${iss.keys.join(", ")}`
        : 'Erwartet wird ein JSON-Objekt mit der Rolle: { "role": "it", "label": "…" }.',
  },
);

export const ZRound = z.strictObject({
  status: z.enum(["open", "closed"]),
  closedAt: ZIsoDate.nullable(),
  /** When the colleagues' links of a closed round expire (their answers are then deleted). */
  expiresAt: ZIsoDate.nullable(),
});

export const ZInvitation = z.strictObject({
  id: ZId,
  role: ZColleagueRole,
  roleLabel: z.string(),
  label: z.string().nullable(),
  createdAt: ZIsoDate,
  answeredAt: ZIsoDate.nullable(),
  revokedAt: ZIsoDate.nullable(),
  status: z.enum(["open", "closed", "revoked"]),
  /** Questions the colleague answered (a skipped question counts as answered: it was looked at). */
  answered: z.number().int().min(0),
  skipped: z.number().int().min(0),
});

/** POST …/colleagues → 201: the invitation with its link (shown once: only its hash is stored). */
export const ZCreateInvitationResponse = ZInvitation.extend({ token: ZToken, url: z.url() });

/** GET …/colleagues → 200, with the closed rounds of this and earlier years (how many answered, how many disputed). */
export const ZInvitationList = z.strictObject({
  round: ZRound,
  limit: z.number().int(),
  items: z.array(ZInvitation),
  rounds: z.array(
    z.strictObject({ year: z.number().int(), answered: z.number().int().min(0), disputed: z.number().int().min(0) }),
  ),
});

/** POST …/colleagues/reinvite → 201: new links for last year's roles (none when this year already has invitations). */
export const ZReinviteResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      token: ZToken,
      url: z.url(),
      role: ZColleagueRole,
      roleLabel: z.string(),
      label: z.string().nullable(),
    }),
  ),
});

/** POST …/colleagues/close → 200. */
export const ZCloseRoundResponse = z.strictObject({ round: ZRound });

/** A colleague's answers: every question optional; "skip" = nobody asked me; null clears. */
export const ZColleagueAnswersPatch = z.strictObject(
  Object.fromEntries(
    reference.questions.map((q) => [q.id, z.optional(z.nullable(z.union([z.literal(SKIP), getValueSchema(q.id)!])))]),
  ),
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekannte Frage: ${iss.keys.join(", ")}`
        : "Die Antworten müssen ein Objekt sein.",
  },
) as unknown as z.ZodType<Record<string, string | string[] | null | undefined>>;

const VERSION_FIELD = z
  .number({ error: "Die Versionsnummer (version) fehlt oder ist keine Zahl." })
  .int("Die Versionsnummer muss eine ganze Zahl sein.")
  .min(1, "Die Versionsnummer muss mindestens 1 sein.");

/** PUT /api/colleagues/{token}/answers. */
export const ZColleagueSaveRequest = z.strictObject(
  { version: VERSION_FIELD, answers: ZColleagueAnswersPatch },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekanntes Feld: ${iss.keys.join(", ")}`
        : "Erwartet wird ein JSON-Objekt mit version und answers.",
  },
);
export const ZColleagueSaveResponse = z.strictObject({ version: ZVersion });

/** GET /api/colleagues/{token} → 200: what the colleague's own link may see: their own answers only. */
export const ZColleagueView = z.strictObject({
  role: ZColleagueRole,
  roleLabel: z.string(),
  label: z.string().nullable(),
  unitName: z.string(),
  status: z.enum(["open", "closed"]),
  expiresAt: ZIsoDate.nullable(),
  version: ZVersion,
  answers: z.record(z.string(), ZAnswerValue),
});

const ZRespondent = z.strictObject({
  /** An invitation's id, or "own" for the lead's own answer. */
  id: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  label: z.string().nullable(),
  own: z.boolean(),
});

/** GET /api/assessments/{token}/colleagues/comparison → 200 (lead only): the widest disagreement first. */
export const ZComparison = z.strictObject({
  round: ZRound,
  version: ZVersion,
  status: z.enum(["draft", "submitted"]),
  respondents: z.array(ZRespondent),
  /** Colleagues who answered at least one question. */
  answered: z.number().int().min(0),
  disputed: z.number().int().min(0),
  questions: z.array(
    z.strictObject({
      questionId: z.string(),
      question: z.string(),
      ordinal: z.boolean(),
      disputed: z.boolean(),
      /** Ordinal questions: largest minus smallest rank given; scaleMax is the scale's largest rank. */
      distance: z.number().int().min(0).nullable(),
      scaleMax: z.number().int().min(1).nullable(),
      /** The sort key (0…1): distance / scaleMax for an ordinal question, dissent for any other. */
      spread: z.number().min(0).max(1),
      /** The share of answers outside the largest group. */
      dissent: z.number().min(0).max(1),
      mostFrequent: ZAnswerValue.nullable(),
      /** The lead's own (settled) answer, which is the assessment's. */
      own: ZAnswerValue.nullable(),
      groups: z.array(
        z.strictObject({ value: ZAnswerValue, labels: z.array(z.string()), respondents: z.array(z.string()) }),
      ),
      skipped: z.array(z.string()),
      open: z.array(z.string()),
    }),
  ),
});

/** PUT /api/assessments/{token}/colleagues/settle: per question the answer to take (one somebody gave). */
export const ZSettleRequest = z.strictObject(
  {
    version: VERSION_FIELD,
    answers: z
      .record(z.string().max(100, "Diese Frage gibt es nicht."), ZAnswerValue, {
        error: "Die Antworten müssen ein Objekt sein.",
      })
      .refine((a) => Object.keys(a).length <= reference.questions.length, "Zu viele Antworten."),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekanntes Feld: ${iss.keys.join(", ")}`
        : "Erwartet wird ein JSON-Objekt mit version und answers.",
  },
);
export const ZSettleResponse = z.strictObject({ version: ZVersion, settled: z.array(z.string()) });
