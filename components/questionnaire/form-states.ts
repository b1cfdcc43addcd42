/**
 * What the questionnaire's server actions (app/a/[token]/actions.ts) answer its forms: the contract
 * between the forms here and the actions there, kept beside the forms so that components import
 * nothing from app/.
 */

/** The autosave's answer. */
export type TSaveResult =
  | { ok: true; version: number }
  | { ok: false; status: number; message: string; currentVersion?: number; fieldErrors?: Record<string, string> };

/** The stored state the step form compares itself with (after Back/Forward, after a stale save). */
export type TCurrentAnswers = { version: number; answers: Record<string, string | string[]> };

/** The step form's state without JavaScript. */
export type TStepActionState = {
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the refused post ticked, per question: the form shows it again instead of the stored answer. */
  values?: Record<string, string[]>;
};

/** The review page's submit. */
export type TSubmitState = { message?: string; unanswered?: string[] };

/** "Link erneuern" and "Daten löschen" on the overview. */
export type TManageState = { message?: string };

/** The targets form: a message, the fields at fault and what was typed (kept when saving failed). */
export type TTargetsState = {
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, { option: string; year: string; responsible: string }>;
  /** After a stale version: the stored one, so that saving again builds on it (the typed values stay). */
  version?: number;
};

/** The overview's invitation form (docs/adr/0014-colleagues.md): the new colleague's link, shown once. */
export type TInviteState = {
  message?: string;
  fieldErrors?: Record<string, string>;
  created?: { url: string; roleLabel: string; label: string | null };
  /** "Dieselben Rollen wieder einladen": every new link at once. */
  createdMany?: { url: string; roleLabel: string; label: string | null }[];
};
