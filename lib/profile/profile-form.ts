import type { TCreateAssessmentRequest } from "./profile-schema";

/** Field names of the profile form: nested so that zod issue paths match them one to one. */
export const PROFILE_FIELDS = {
  name: "municipality.name",
  state: "municipality.state",
  population: "municipality.population",
  key: "municipality.key",
  role: "respondentRole",
  code: "participationCode",
  /** "verwaltung" | "gemeinde": whom a member Gemeinde's respondent answers for (ADR 0013). */
  unitChoice: "unitChoice",
  /** "1": start a second chain on purpose although the code's unit has one (its link was lost). */
  confirmNewChain: "confirmNewChain",
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
      key: text(PROFILE_FIELDS.key)?.trim() || undefined,
    },
    respondentRole: text(PROFILE_FIELDS.role) || undefined,
    participationCode: text(PROFILE_FIELDS.code) || undefined,
    ...(text(PROFILE_FIELDS.confirmNewChain) === "1" ? { confirmNewChain: true } : {}),
  };
}

/** The posted text fields, to be shown again after a refusal (a form without JavaScript keeps nothing itself). */
export function formDataToValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of Object.values(PROFILE_FIELDS)) {
    const v = form.get(name);
    if (typeof v === "string" && name !== PROFILE_FIELDS.confirmNewChain) values[name] = v.slice(0, 300);
  }
  return values;
}
