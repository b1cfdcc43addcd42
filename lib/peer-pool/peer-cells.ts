import "server-only";
import { db } from "../db/client";
import { readPeerPoolVersion } from "../db/direct-queries";
import { runExclusive } from "../db/exclusive";
import { z } from "zod";
import type { TPeerCell } from "../peers/aggregate";
import { ZStateCode } from "../profile/states";
import { ZSizeClass } from "../profile/size-class";

/** A JSON column (text in SQLite and PostgreSQL alike), parsed and then checked against `schema`. */
const jsonColumn = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.issues.push({ code: "custom", message: "no JSON", input: text });
        return z.NEVER;
      }
    })
    .pipe(schema);

const ZCount = z.number().int().min(0);

/** A row of PeerRelease as the database holds it: the figures of one cell, its JSON columns parsed and checked. */
const ZPeerReleaseRow = z.object({
  state: ZStateCode,
  sizeClass: ZSizeClass,
  count: ZCount,
  optionCounts: jsonColumn(z.record(z.string(), z.record(z.string(), ZCount))),
  indexScores: jsonColumn(z.array(z.number())),
  releasedAt: z.date().transform((d) => d.toISOString()),
});

type TCache = { version: number; cells: TPeerCell[] };

// Per-process cache of the aggregated cells. Correct across several app instances because every
// read compares against the version row in the database, which every change to the pool increments.
let cache: TCache | null = null;
let building: { version: number; promise: Promise<TCache> } | null = null;

/** The peer pool as cells (state × size class), rebuilt from the database when its version changed. */
export async function loadPeerCells(): Promise<TPeerCell[]> {
  const version = await readPeerPoolVersion();
  if (cache?.version === version) return cache.cells;
  if (building?.version !== version) {
    const attempt = { version, promise: runExclusive(buildCells) };
    building = attempt;
    // A failed build must not be remembered: the next request tries again.
    attempt.promise.catch(() => {
      if (building === attempt) building = null;
    });
  }
  const built = await building.promise;
  if (!cache || built.version >= cache.version) cache = built;
  return built.cells;
}

/** Runs exclusive of writers, so the version and the data it reads belong together. */
async function buildCells(): Promise<TCache> {
  const version = await readPeerPoolVersion();
  // The released figures only (docs/adr/0005): at most one row per cell, so this is cheap however many
  // municipalities take part. Nothing per municipality is stored in a release.
  const releases = await db.peerRelease.findMany();
  // A row that does not parse is a damaged database: the build fails (and is tried again on the next request).
  const cells: TPeerCell[] = releases.map((r) => ZPeerReleaseRow.parse(r));
  return { version, cells };
}

/** True while a change of the municipality waits for the next release of its cell. */
export async function hasPendingChange(municipalityKey: string): Promise<boolean> {
  return (await db.peerPendingChange.count({ where: { municipalityKey } })) > 0;
}
