/** What the start page's server action (app/start/actions.ts) answers the profile form. */
export type TProfileActionState = { errors: Record<string, string>; message?: string };
