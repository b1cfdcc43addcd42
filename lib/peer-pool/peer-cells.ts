import "server-only";
import { db } from "../db/client";
import { readPeerPoolVersion } from "../db/direct-queries";
import { runExclusive } from "../db/exclusive";
import type { TPeerCell } from "../peers/aggregate";
import type { TStateCode } from "../profile/states";
import type { TSizeClass } from "../profile/size-class";

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
  const cells: TPeerCell[] = releases.map((r) => ({
    state: r.state as TStateCode,
    sizeClass: r.sizeClass as TSizeClass,
    count: r.count,
    optionCounts: JSON.parse(r.optionCounts) as TPeerCell["optionCounts"],
    indexScores: JSON.parse(r.indexScores) as number[],
    releasedAt: r.releasedAt.toISOString(),
  }));
  return { version, cells };
}

/** True while a change of the municipality waits for the next release of its cell. */
export async function hasPendingChange(municipalityKey: string): Promise<boolean> {
  return (await db.peerPendingChange.count({ where: { municipalityKey } })) > 0;
}
