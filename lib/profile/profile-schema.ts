import { z } from "zod";
import "../validation/zod-de";
import { checkAgs, checkUnitKey } from "./ags";
import { ZStateCode } from "./states";
import { freeText } from "../validation/free-text";
import { isVerbandKey } from "../validation/keys";

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

const NAME_MISSING = "Bitte geben Sie den Namen Ihrer Kommune an.";
const POPULATION_MISSING = "Bitte geben Sie die Einwohnerzahl als ganze Zahl an.";

const optionalKey = (error: string) =>
  z
    .string({ error })
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined));

/** A 9-digit key names a Gemeindeverband; its name and population come from the register (ADR 0013). */
const isVerbandKeyInput = (key: unknown) => typeof key === "string" && isVerbandKey(key.trim());

/**
 * The unit profile (docs/api.md): what the assessment answers for. Either a unit of the register by its key
 * (`key`: a Gemeinde's 8-digit AGS or a Gemeindeverband's 9-digit key; `ags` stays valid for a Gemeinde), or
 * a municipality typed by hand with name, state and population. For a Gemeindeverband the register supplies
 * name and population (the population it serves), so they may be left out. The size class is derived,
 * never sent.
 */
export const ZMunicipalityProfile = z
  .strictObject(
    {
      name: ZName.optional(),
      state: ZStateCode,
      population: ZPopulation.optional(),
      key: optionalKey("Der Schlüssel muss als Text aus 8 oder 9 Ziffern angegeben werden."),
      ags: optionalKey("Der AGS muss als Text aus 8 Ziffern angegeben werden."),
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
      const value = p as Partial<Record<"name" | "population" | "key" | "ags" | "state", unknown>>;
      const key = typeof value.key === "string" ? value.key.trim() : "";
      const ags = typeof value.ags === "string" ? value.ags.trim() : "";
      const state = ZStateCode.safeParse(value.state);
      if (!state.success) return;
      if (key && ags && key !== ags) {
        ctx.addIssue({
          code: "custom",
          path: ["ags"],
          message: "Schlüssel (key) und AGS nennen verschiedene Einheiten. Bitte geben Sie nur einen an.",
        });
      } else if (key) {
        const check = checkUnitKey(key, state.data);
        if (!check.ok) ctx.addIssue({ code: "custom", path: ["key"], message: check.message });
      } else if (ags) {
        const check = checkAgs(ags, state.data);
        if (!check.ok) ctx.addIssue({ code: "custom", path: ["ags"], message: check.message });
      }
    },
    // Run even while other fields are invalid, so that every faulty field is named at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export type TMunicipalityProfile = z.infer<typeof ZMunicipalityProfile>;

/**
 * With a participation code the register supplies the unit: whatever was typed into the name, state and
 * population fields is dropped, so that the code alone is enough. Only a register key (`key` or `ags`, e.g.
 * from picking a suggestion) stays, to be checked against the code's unit.
 */
function dropMunicipalityWithCode(input: unknown): unknown {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
  const body = input as Record<string, unknown>;
  const code = body.participationCode;
  const m = body.municipality as Record<string, unknown> | undefined;
  if (typeof code !== "string" || code.trim() === "" || !m || typeof m !== "object" || Array.isArray(m)) return input;
  const hasKey = [m.key, m.ags].some((k) => typeof k === "string" && k.trim() !== "");
  if (hasKey) return input;
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
      /**
       * With a participation code whose unit already has a verified assessment: start a second one on purpose
       * (its link was lost). Without it the request is refused with 409, so that no chain splits silently.
       */
      confirmNewChain: z.boolean({ error: "confirmNewChain muss true oder false sein." }).optional(),
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
      const v = body as { municipality?: unknown; participationCode?: unknown };
      if (!v.municipality && !v.participationCode) {
        ctx.addIssue({ code: "custom", path: ["municipality"], message: "Die Angaben zur Kommune fehlen." });
        return;
      }
      // Name and population are the respondent's for a Gemeinde typed or picked without a code; a
      // Gemeindeverband's and a code's unit come from the register.
      const m = v.municipality as Partial<Record<"name" | "population" | "key" | "ags", unknown>> | undefined;
      if (!m || typeof m !== "object" || v.participationCode || isVerbandKeyInput(m.key)) return;
      if (m.name === undefined) ctx.addIssue({ code: "custom", path: ["municipality", "name"], message: NAME_MISSING });
      if (m.population === undefined)
        ctx.addIssue({ code: "custom", path: ["municipality", "population"], message: POPULATION_MISSING });
    },
    // Run even while other fields (the role) are invalid, so every fault shows at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export const ZCreateAssessmentRequest = z.preprocess(dropMunicipalityWithCode, ZCreateAssessmentBody);
export type TCreateAssessmentRequest = z.infer<typeof ZCreateAssessmentBody>;
