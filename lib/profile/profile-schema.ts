import { z } from "zod";
import "../validation/zod-de";
import { checkAgs } from "./ags";
import { ZStateCode } from "./states";
import { freeText } from "../validation/free-text";

export const MAX_NAME_LENGTH = 200;
/** Above Berlin (3.9 million), so no real municipality is refused; catches typos with extra digits. */
export const MAX_POPULATION = 5_000_000;

export const RESPONDENT_ROLES = [
  { id: "mayor", label: "Bürgermeisterin oder Bürgermeister" },
  { id: "digital_officer", label: "Digitalisierungsverantwortliche oder -verantwortlicher" },
  { id: "other", label: "Andere Funktion in der Verwaltung" },
] as const;
export type TRespondentRole = (typeof RESPONDENT_ROLES)[number]["id"];
export const ZRespondentRole = z.enum(RESPONDENT_ROLES.map((r) => r.id) as [TRespondentRole, ...TRespondentRole[]], {
  error: "Bitte wählen Sie Ihre Funktion aus.",
});

export function getRoleLabel(role: TRespondentRole): string {
  return RESPONDENT_ROLES.find((r) => r.id === role)!.label;
}

const ZName = freeText(
  z
    .string({ error: "Bitte geben Sie den Namen Ihrer Kommune an." })
    .trim()
    .min(1, "Bitte geben Sie den Namen Ihrer Kommune an.")
    .max(MAX_NAME_LENGTH, `Der Name darf höchstens ${MAX_NAME_LENGTH} Zeichen lang sein.`),
  "Der Name",
);

const ZPopulation = z
  .number({ error: "Bitte geben Sie die Einwohnerzahl als ganze Zahl an." })
  .int("Bitte geben Sie die Einwohnerzahl als ganze Zahl an.")
  .min(1, "Die Einwohnerzahl muss mindestens 1 sein.")
  .max(MAX_POPULATION, "Diese Einwohnerzahl ist für eine deutsche Kommune zu groß. Bitte prüfen Sie die Angabe.");

/** The municipality profile of CONTRACT.md section 2 (the size class is derived, never sent). */
export const ZMunicipalityProfile = z
  .strictObject(
    {
      name: ZName,
      state: ZStateCode,
      population: ZPopulation,
      ags: z
        .string({ error: "Der AGS muss als Text aus 8 Ziffern angegeben werden." })
        .trim()
        .optional()
        .nullable()
        .transform((v) => (v ? v : undefined)),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `Unbekanntes Feld: ${iss.keys.join(", ")}`
          : "Die Angaben zur Kommune fehlen.",
    },
  )
  .superRefine(
    (p, ctx) => {
      if (p.ags === undefined) return;
      const check = checkAgs(p.ags, p.state);
      if (!check.ok) ctx.addIssue({ code: "custom", path: ["ags"], message: check.message });
    },
    // Check the AGS against the state even while other fields (name, population) are invalid,
    // so that every faulty field is named at once.
    {
      when: (payload) =>
        ZStateCode.safeParse((payload.value as { state?: unknown } | null)?.state).success &&
        typeof (payload.value as { ags?: unknown }).ags === "string",
    },
  );

export type TMunicipalityProfile = z.infer<typeof ZMunicipalityProfile>;

/**
 * With a participation code the register supplies the municipality: a form whose municipality fields were
 * left empty (no name) sends none, so that only the code and the role are checked.
 */
function dropEmptyMunicipalityWithCode(input: unknown): unknown {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
  const body = input as Record<string, unknown>;
  const code = body.participationCode;
  const m = body.municipality as Record<string, unknown> | undefined;
  if (typeof code !== "string" || code.trim() === "" || !m || typeof m !== "object") return input;
  if (typeof m.name === "string" && m.name.trim() !== "") return input;
  const { municipality: _dropped, ...rest } = body;
  return rest;
}

const ZCreateAssessmentBody = z
  .strictObject(
    {
      municipality: ZMunicipalityProfile.optional(),
      respondentRole: ZRespondentRole,
      /**
       * The participation code the operator issued (lib/participation): the assessment is then verified and
       * its municipality comes from the register, so `municipality` may be left out.
       */
      participationCode: z
        .string({ error: "Der Teilnahmecode muss als Text angegeben werden." })
        .optional()
        .nullable()
        .transform((v) => (v && v.trim() ? v : undefined)),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `Unbekanntes Feld: ${iss.keys.join(", ")}`
          : "Erwartet wird ein JSON-Objekt mit municipality und respondentRole.",
    },
  )
  .superRefine(
    (body, ctx) => {
      if (!body.municipality && !body.participationCode)
        ctx.addIssue({ code: "custom", path: ["municipality"], message: "Die Angaben zur Kommune fehlen." });
    },
    // Name a missing municipality even while other fields (the role) are invalid, so every fault shows at once.
    {
      when: (payload) => {
        const v = payload.value as { municipality?: unknown; participationCode?: unknown } | null;
        return typeof v === "object" && v !== null && v.municipality === undefined;
      },
    },
  );
export const ZCreateAssessmentRequest = z.preprocess(dropEmptyMunicipalityWithCode, ZCreateAssessmentBody);
export type TCreateAssessmentRequest = z.infer<typeof ZCreateAssessmentBody>;
