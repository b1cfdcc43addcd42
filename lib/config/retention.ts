/** Drafts untouched for this many months are deleted (privacy statement, Leichte Sprache, npm run cleanup). */
export const DRAFT_RETENTION_MONTHS = 12;
