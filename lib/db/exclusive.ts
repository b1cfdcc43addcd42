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

/**
 * Makes an interactive transaction a writer from its first statement. SQLite starts a transaction as a
 * reader; one that reads and then writes while another process committed in between fails at once with
 * "database is locked" (its snapshot is stale, and the busy timeout does not apply). A no-op UPDATE first
 * takes the write lock, waiting for it within the busy timeout. Harmless on PostgreSQL.
 */
export async function beginWrite(tx: { $executeRawUnsafe: (sql: string) => Promise<number> }): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE "PeerPoolVersion" SET "version" = "version" WHERE 1 = 0`);
}
