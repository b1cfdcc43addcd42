import "server-only";
import { db } from "./client";
import { readPeerPoolVersion } from "./direct-queries";
import { runExclusive } from "./exclusive";
import { getEnv } from "../env";
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

/** Latest submission per municipality, not excluded by an operator, approved where approval is required. */
const wherePeer = () =>
  `a."peerCurrent" = true AND a."excludedFromPeers" = false AND a."status" = 'submitted'` +
  (getEnv().PEERS_REQUIRE_APPROVAL ? ` AND a."peerApproved" = true` : "");

/** Runs exclusive of writers, so the version and the data it reads belong together. */
async function buildCells(): Promise<TCache> {
  const version = await readPeerPoolVersion();
  // Two aggregate queries in portable SQL (SQLite and PostgreSQL): municipalities per cell with
  // their index scores, and option counts per cell. Nothing per municipality leaves this function.
  const members = await db.$queryRawUnsafe<{ state: string; sizeClass: string; indexScore: number | null }[]>(
    `SELECT a."state" AS "state", a."sizeClass" AS "sizeClass", a."indexScore" AS "indexScore" FROM "Assessment" a WHERE ${wherePeer()}`,
  );
  const counts = await db.$queryRawUnsafe<
    { state: string; sizeClass: string; questionId: string; optionId: string; n: number | bigint }[]
  >(
    `SELECT a."state" AS "state", a."sizeClass" AS "sizeClass", w."questionId" AS "questionId", w."optionId" AS "optionId", COUNT(*) AS "n"
     FROM "Answer" w JOIN "Assessment" a ON a."id" = w."assessmentId"
     WHERE ${wherePeer()}
     GROUP BY a."state", a."sizeClass", w."questionId", w."optionId"`,
  );
  const cells = new Map<string, TPeerCell>();
  const cellOf = (state: string, sizeClass: string) => {
    const key = `${state}|${sizeClass}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        state: state as TStateCode,
        sizeClass: sizeClass as TSizeClass,
        count: 0,
        optionCounts: {},
        indexScores: [],
      };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const m of members) {
    const cell = cellOf(m.state, m.sizeClass);
    cell.count += 1;
    if (m.indexScore !== null) cell.indexScores.push(Number(m.indexScore));
  }
  for (const c of counts) {
    const cell = cellOf(c.state, c.sizeClass);
    (cell.optionCounts[c.questionId] ??= {})[c.optionId] = Number(c.n);
  }
  return { version, cells: [...cells.values()] };
}
