import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cellKey, ReleaseModel, type TContribution } from "../../../lib/peers/release-rule";

// The database side of the release rule (lib/assessment/refresh-peer-pool.ts) against the in-memory model
// of lib/peers/release-rule.ts: random sequences of submissions, reopenings, deletions, exclusions and
// revoked codes, each either refreshed at once (refreshPeerPool, as every request does) or left for a bulk
// refresh of the whole pool (refreshWholePeerPool, as seed:demo and the benchmarks do). After every step the
// live contributions, the released members, the pending changes and the release sequence agree.

const K = 5;
const CELLS = [
  ["DE-SN", "lt_5000"],
  ["DE-SN", "5000_19999"],
  ["DE-BY", "lt_5000"],
] as const;
const MUNICIPALITIES = 12;

type TOp =
  | { kind: "submit"; m: number; cell: number; now: boolean }
  | { kind: "reopen" | "delete" | "exclude" | "revoke"; m: number; now: boolean }
  | { kind: "flush" };

const municipality = fc.nat(MUNICIPALITIES - 1);
const op: fc.Arbitrary<TOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("submit" as const), m: municipality, cell: fc.nat(2), now: fc.boolean() }),
  },
  ...(["reopen", "delete", "exclude", "revoke"] as const).map((kind) => ({
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant(kind), m: municipality, now: fc.boolean() }),
  })),
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("flush" as const) }) },
);

type TMirror = { id: string; m: number; cell: number; submitted: boolean; excluded: boolean; at: Date };

let dir = "";
let lib: {
  db: typeof import("../../../lib/db/client").db;
  refreshPeerPool: typeof import("../../../lib/assessment/refresh-peer-pool").refreshPeerPool;
  refreshWholePeerPool: typeof import("../../../lib/assessment/refresh-peer-pool").refreshWholePeerPool;
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "peer-pool-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "pool.db")}`;
  process.env.PEER_K = String(K);
  process.env.PEERS_MODE = "verified";
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: process.env, stdio: "pipe" });
  const { db } = await import("../../../lib/db/client");
  const { refreshPeerPool, refreshWholePeerPool } = await import("../../../lib/assessment/refresh-peer-pool");
  lib = { db, refreshPeerPool, refreshWholePeerPool };
}, 60_000);

afterAll(async () => {
  await lib?.db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const key = (m: number) => `ags:${String(m).padStart(8, "0")}`;

async function reset() {
  const { db } = lib;
  await db.assessment.deleteMany();
  await db.participationCode.deleteMany();
  await db.peerMember.deleteMany();
  await db.peerReleasedMember.deleteMany();
  await db.peerPendingChange.deleteMany();
  await db.peerRelease.deleteMany();
  await db.participationCode.createMany({
    data: Array.from({ length: MUNICIPALITIES }, (_, m) => ({
      id: `code-${m}`,
      codeHash: `hash-${m}`,
      unitKey: key(m).slice(4),
    })),
  });
}

/** What the database holds about the pool, in the model's shape. */
async function readPool() {
  const { db } = lib;
  const live = new Map<string, TContribution>();
  for (const r of await db.peerMember.findMany())
    live.set(r.municipalityKey, {
      assessmentId: r.assessmentId,
      state: r.state,
      sizeClass: r.sizeClass,
      submittedAt: r.submittedAt.toISOString(),
    });
  const released = new Map<string, Map<string, string>>();
  for (const r of await db.peerReleasedMember.findMany()) {
    const cell = released.get(cellKey(r.state, r.sizeClass)) ?? new Map<string, string>();
    cell.set(r.municipalityKey, r.assessmentId);
    released.set(cellKey(r.state, r.sizeClass), cell);
  }
  const pending = new Map<string, string[]>();
  for (const r of await db.peerPendingChange.findMany())
    pending.set(
      cellKey(r.state, r.sizeClass),
      [...(pending.get(cellKey(r.state, r.sizeClass)) ?? []), r.municipalityKey].sort(),
    );
  const releases = new Map<string, { sequence: number; count: number }>();
  for (const r of await db.peerRelease.findMany())
    releases.set(cellKey(r.state, r.sizeClass), { sequence: r.sequence, count: r.count });
  const current = (await db.assessment.findMany({ where: { peerCurrent: true }, select: { id: true } }))
    .map((a) => a.id)
    .sort();
  return { live, released, pending, releases, current };
}

describe("refreshPeerPool and refreshWholePeerPool in the database", () => {
  test("agree with the release model after every step, refreshed one by one or in bulk", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        await reset();
        const { db } = lib;
        const model = new ReleaseModel(K);
        const mirror: TMirror[] = [];
        const revoked = new Set<number>();
        let clock = 0;
        const latest = (m: number) =>
          mirror.filter((a) => a.m === m && a.submitted).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
        const contribution = (m: number): TContribution | null => {
          const a = latest(m);
          if (!a || a.excluded || revoked.has(m)) return null;
          const [state, sizeClass] = CELLS[a.cell]!;
          return { assessmentId: a.id, state, sizeClass, submittedAt: a.at.toISOString() };
        };

        for (const o of ops) {
          if (o.kind === "flush") {
            await db.$transaction((tx) => lib.refreshWholePeerPool(tx));
            for (let m = 0; m < MUNICIPALITIES; m += 1) model.change(key(m), contribution(m), false);
            model.releaseDue();
          } else {
            const a = latest(o.m);
            if (o.kind === "submit") {
              clock += 1;
              const [state, sizeClass] = CELLS[o.cell]!;
              const id = `a${String(clock).padStart(4, "0")}`;
              const at = new Date(Date.UTC(2026, 0, 1) + clock * 60_000);
              await db.assessment.create({
                data: {
                  id,
                  tokenHash: id,
                  status: "submitted",
                  referenceId: "bitkom-dstgb-2020",
                  municipalityName: `Gemeinde ${o.m}`,
                  state,
                  population: 1000,
                  sizeClass,
                  respondentRole: "mayor",
                  municipalityKey: key(o.m),
                  verifiedCodeId: `code-${o.m}`,
                  submittedAt: at,
                },
              });
              mirror.push({ id, m: o.m, cell: o.cell, submitted: true, excluded: false, at });
            } else if (o.kind === "revoke") {
              if (revoked.has(o.m)) revoked.delete(o.m);
              else revoked.add(o.m);
              await db.participationCode.update({
                where: { id: `code-${o.m}` },
                data: { status: revoked.has(o.m) ? "revoked" : "active" },
              });
            } else if (a) {
              if (o.kind === "reopen") {
                a.submitted = false;
                await db.assessment.update({ where: { id: a.id }, data: { status: "draft" } });
              } else if (o.kind === "delete") {
                mirror.splice(mirror.indexOf(a), 1);
                await db.assessment.delete({ where: { id: a.id } });
              } else {
                a.excluded = !a.excluded;
                await db.assessment.update({ where: { id: a.id }, data: { excludedFromPeers: a.excluded } });
              }
            }
            if (o.now) {
              await db.$transaction((tx) => lib.refreshPeerPool(tx, key(o.m)));
              model.change(key(o.m), contribution(o.m));
            }
          }

          const pool = await readPool();
          expect(pool.live).toEqual(model.live);
          const released = new Map(
            [...model.released].map(([cell, members]) => [
              cell,
              new Map([...members].map(([k, c]) => [k, c.assessmentId])),
            ]),
          );
          expect(pool.released).toEqual(new Map([...released].filter(([, members]) => members.size > 0)));
          expect(pool.pending).toEqual(
            new Map([...model.pending].filter(([, set]) => set.size > 0).map(([cell, set]) => [cell, [...set].sort()])),
          );
          expect(new Map([...pool.releases].map(([cell, r]) => [cell, r.sequence]))).toEqual(model.sequence);
          for (const [cell, r] of pool.releases)
            expect(r.count).toBe(model.released.get(cell as `${string}|${string}`)?.size);
        }
        // After a final bulk refresh every municipality's latest submission, whether or not it counts, is the
        // one marked peerCurrent (revoked and excluded ones stay marked: they are the latest, and count nowhere).
        await db.$transaction((tx) => lib.refreshWholePeerPool(tx));
        const marked = (await readPool()).current;
        const expected = Array.from({ length: MUNICIPALITIES }, (_, m) => latest(m)?.id)
          .filter((id): id is string => Boolean(id))
          .sort();
        expect(marked).toEqual(expected);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  }, 240_000);
});
