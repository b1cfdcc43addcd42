import type { TCreateAssessmentRequest } from "./profile-schema";

/** Field names of the profile form: nested so that zod issue paths match them one to one. */
export const PROFILE_FIELDS = {
  name: "municipality.name",
  state: "municipality.state",
  population: "municipality.population",
  ags: "municipality.ags",
  role: "respondentRole",
  code: "participationCode",
} as const;

/**
 * "12850", "12.850" and "12 850" are the same population (dots and spaces only as thousands
 * separators between groups of three digits); anything else ("1.5", "viele") stays text for zod to reject.
 */
export function parsePopulationInput(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d{1,9}$/.test(trimmed) || /^\d{1,3}([. \u00a0\u202f]\d{3})+$/.test(trimmed))
    return Number(trimmed.replace(/\D/g, ""));
  return value;
}

/** A posted profile form (works without JavaScript) as the API's request shape. */
export function formDataToCreateRequest(form: FormData): Partial<Record<keyof TCreateAssessmentRequest, unknown>> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  return {
    municipality: {
      name: text(PROFILE_FIELDS.name),
      state: text(PROFILE_FIELDS.state) || undefined,
      population: parsePopulationInput(text(PROFILE_FIELDS.population)),
      ags: text(PROFILE_FIELDS.ags) || undefined,
    },
    respondentRole: text(PROFILE_FIELDS.role) || undefined,
    participationCode: text(PROFILE_FIELDS.code) || undefined,
  };
}
