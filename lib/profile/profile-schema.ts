import { z } from "zod";
import "../validation/zod-de";
import { checkAgs } from "./ags";
import { ZStateCode } from "./states";

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

const ZName = z
  .string({ error: "Bitte geben Sie den Namen Ihrer Kommune an." })
  .trim()
  .min(1, "Bitte geben Sie den Namen Ihrer Kommune an.")
  .max(MAX_NAME_LENGTH, `Der Name darf höchstens ${MAX_NAME_LENGTH} Zeichen lang sein.`)
  // Control characters (C0, DEL and C1) have no place in a name and would break CSV and PDF exports.
  .refine((v) => !/[\u0000-\u001f\u007f-\u009f]/.test(v), "Der Name enthält unzulässige Steuerzeichen.")
  // Lone UTF-16 surrogates are no characters; they cannot be stored or shown.
  .refine((v) => v.isWellFormed(), "Der Name enthält ungültige Zeichen.");

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

export const ZCreateAssessmentRequest = z.strictObject(
  { municipality: ZMunicipalityProfile, respondentRole: ZRespondentRole },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Unbekanntes Feld: ${iss.keys.join(", ")}`
        : "Erwartet wird ein JSON-Objekt mit municipality und respondentRole.",
  },
);
export type TCreateAssessmentRequest = z.infer<typeof ZCreateAssessmentRequest>;
