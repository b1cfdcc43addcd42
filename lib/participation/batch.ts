/** Statements per batch: well below SQLite's and PostgreSQL's limits on bound parameters. */
export const BATCH = 400;
