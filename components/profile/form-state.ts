/** The two units a member Gemeinde's respondent chooses between (docs/adr/0013-administrations-as-units.md). */
export type TUnitChoice = {
  gemeinde: { key: string; name: string; population: number };
  verwaltung: { key: string; name: string; members: number; population: number };
};

/** What the start page's server action (app/start/actions.ts) answers the profile form. */
export type TProfileActionState = {
  errors: Record<string, string>;
  message?: string;
  /** What was posted, so that a form answered without JavaScript keeps it after a refusal. */
  values?: Record<string, string>;
  /** A member Gemeinde was named without saying whom the respondent answers for: ask, recommending the Verband. */
  choice?: TUnitChoice;
  /** The code's unit already has a verified assessment: continue it with its link, or start anew on purpose. */
  existing?: { unitName: string };
};
