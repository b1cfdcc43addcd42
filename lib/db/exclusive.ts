import "server-only";
import { createSerialQueue } from "../serial-queue";

/**
 * One writer at a time in this process. The SQLite driver adapter shares a single connection, so a
 * query issued while another request's transaction is open would run inside that transaction (and
 * see, or be rolled back with, its uncommitted changes). Every write use case and every rebuild of
 * the peer cache runs through here. On PostgreSQL (pooled connections) it only serialises this
 * process's writes, which the database would serialise anyway.
 */
export const runExclusive = createSerialQueue();
