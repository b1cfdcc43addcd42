import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import pg from "pg";
import { afterAll, describe, expect, test, vi } from "vitest";
import { cellKey, ReleaseModel, type TContribution } from "../../../lib/peers/release-rule";
import { contentFingerprint, contentHash } from "../../../lib/peers/content";
import { computeIndex } from "../../../lib/benchmark/scoring";
import { reference, REFERENCE_ID } from "../../../lib/survey/reference";
import type { TAnswers } from "../../../lib/survey/answer-schema";
import { AUDIT_CELLS, ChainMirror, historyArb, municipalityKeyOf, type THistory } from "./audit/history";
import { publishedViews, type TReleasedCell } from "./audit/published-views";
import { auditViews } from "./audit/linear-audit";

// The database side of the release rule (lib/peer-pool/refresh-peer-pool.ts) against the in-memory model of
// lib/peers/release-rule.ts, over the auditor's random histories (tests/unit/peers/audit/history.ts): the
// chains of yearly assessments are written as rows, each step refreshed at once (refreshPeerPool, as every
// request does) or left for a bulk refresh (refreshWholePeerPool, as seed:demo does). After every step the
// live contributions, released members, pending changes with their flags, history of released contents and
// release sequence agree with the model; at the end the auditor checks every view the database published.
// On SQLite, and on PostgreSQL when the suite runs there (E2E_DATABASE_URL=postgresql://…/<db>, or
// PEER_POOL_PG_URL for this test alone): in databases named <db>_pool_… that it creates on that server and
// drops at the end.

const K = 5;
/** Histories per setting (AUDIT_DB_HISTORIES; each costs the database some hundred statements). */
const RUNS = Number(process.env.AUDIT_DB_HISTORIES ?? 15);
const PG_URL =
  process.env.PEER_POOL_PG_URL ??
  (process.env.E2E_DATABASE_URL?.startsWith("postgres") ? process.env.E2E_DATABASE_URL : undefined);
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database: a file in a temporary folder, or a new database on the PostgreSQL server. */
async function freshDatabaseUrl(): Promise<string> {
  if (!PG_URL) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "peer-pool-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return `file:${path.join(dir, "pool.db")}`;
  }
  const url = new URL(PG_URL);
  const name = `${url.pathname.slice(1)}_pool_${process.pid}_${cleanups.length}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  url.pathname = `/${name}`;
  return url.toString();
}

type TLib = {
  db: typeof import("../../../lib/db/client").db;
  refreshPeerPool: typeof import("../../../lib/peer-pool/refresh-peer-pool").refreshPeerPool;
  refreshWholePeerPool: typeof import("../../../lib/peer-pool/refresh-peer-pool").refreshWholePeerPool;
};

/** A fresh SQLite database and the pool's modules loaded with the given settings (lib/env.ts reads them once). */
async function openPool(env: Record<string, string>): Promise<TLib> {
  Object.assign(process.env, { DATABASE_URL: await freshDatabaseUrl(), PEER_K: String(K), ...env });
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: process.env, stdio: "pipe" });
  vi.resetModules();
  const { db } = await import("../../../lib/db/client");
  const { refreshPeerPool, refreshWholePeerPool } = await import("../../../lib/peer-pool/refresh-peer-pool");
  return { db, refreshPeerPool, refreshWholePeerPool };
}

/** Content n of a municipality: complete answers that differ per n (e-file and citizen app), with their hash. */
function contentOf(n: number) {
  const answers = Object.fromEntries(
    reference.questions.map((q) => [
      q.id,
      q.type === "single" ? q.options[0]!.id : [q.options.find((o) => !o.exclusive)!.id],
    ]),
  ) as TAnswers;
  const pick = (id: string, i: number) => {
    const q = reference.questions.find((x) => x.id === id)!;
    answers[id] = q.options[i % q.options.length]!.id;
  };
  pick("e_file", n);
  pick("citizen_app", Math.floor(n / 3));
  const rows = Object.entries(answers).flatMap(([questionId, v]) =>
    (Array.isArray(v) ? v : [v as string]).map((optionId) => ({ questionId, optionId })),
  );
  const indexScore = computeIndex(reference, answers).score;
  return { rows, indexScore, hash: contentHash({ referenceId: REFERENCE_ID, answers: rows, indexScore }) };
}
const CONTENTS = Array.from({ length: 6 }, (_, n) => contentOf(n));

async function reset(lib: TLib, municipalities: number) {
  const { db } = lib;
  await db.assessment.deleteMany();
  await db.participationCode.deleteMany();
  await db.peerMember.deleteMany();
  await db.peerReleasedMember.deleteMany();
  await db.peerPendingChange.deleteMany();
  await db.peerRelease.deleteMany();
  await db.peerReleasedContent.deleteMany();
  await db.participationCode.createMany({
    data: Array.from({ length: municipalities }, (_, m) => ({
      id: `code-${m}`,
      codeHash: `hash-${m}`,
      unitKey: `m${m}`,
    })),
  });
}

/** Writes municipality m's chain as the mirror holds it: its assessment rows, their answers, its code. */
async function writeChain(lib: TLib, mirror: ChainMirror, m: number) {
  const { db } = lib;
  const chain = mirror.chains[m]!;
  const key = municipalityKeyOf(m);
  await db.assessment.deleteMany({ where: { municipalityKey: key, id: { notIn: chain.years.map((y) => y.id) } } });
  for (const y of chain.years) {
    const [state, sizeClass] = AUDIT_CELLS[y.cell]!;
    const content = CONTENTS[y.content]!;
    const data = {
      status: y.submitted ? "submitted" : "draft",
      superseded: y.superseded,
      state,
      sizeClass,
      excludedFromPeers: y.excluded,
      peerApproved: y.approved,
      submittedAt: y.submitted ? new Date(Date.UTC(2026, 0, 1) + y.at * 60_000) : null,
      indexScore: y.submitted ? content.indexScore : null,
      contentHash: y.submittedContent === null ? null : CONTENTS[y.submittedContent]!.hash,
    };
    const existing = await db.assessment.findUnique({ where: { id: y.id }, include: { answers: true } });
    if (existing) await db.assessment.update({ where: { id: y.id }, data });
    else
      await db.assessment.create({
        data: {
          id: y.id,
          referenceId: REFERENCE_ID,
          municipalityName: `Gemeinde ${m}`,
          population: 1000,
          respondentRole: "mayor",
          municipalityKey: key,
          isDemo: chain.isDemo,
          verifiedCodeId: chain.isDemo ? null : `code-${m}`,
          ...data,
        },
      });
    await db.answer.deleteMany({ where: { assessmentId: y.id } });
    await db.answer.createMany({ data: content.rows.map((r) => ({ assessmentId: y.id, ...r })) });
  }
  if (!chain.isDemo)
    await db.participationCode.update({
      where: { id: `code-${m}` },
      data: { status: chain.revoked ? "revoked" : "active" },
    });
}

/** What the database holds about the pool, in the model's shape. */
async function readPool(lib: TLib) {
  const { db } = lib;
  const asContribution = (r: { state: string; sizeClass: string; contentHash: string | null; isDemo: boolean }) =>
    ({ state: r.state, sizeClass: r.sizeClass, content: r.contentHash ?? "", isDemo: r.isDemo }) as TContribution;
  const live = new Map((await db.peerMember.findMany()).map((r) => [r.municipalityKey, asContribution(r)]));
  const released = new Map<string, Map<string, TContribution>>();
  for (const r of await db.peerReleasedMember.findMany()) {
    const cell = released.get(cellKey(r.state, r.sizeClass)) ?? new Map<string, TContribution>();
    cell.set(r.municipalityKey, asContribution(r));
    released.set(cellKey(r.state, r.sizeClass), cell);
  }
  const pending = new Map<string, Map<string, { fresh: boolean; isDemo: boolean }>>();
  for (const r of await db.peerPendingChange.findMany()) {
    const cell = pending.get(cellKey(r.state, r.sizeClass)) ?? new Map();
    cell.set(r.municipalityKey, { fresh: r.fresh, isDemo: r.isDemo });
    pending.set(cellKey(r.state, r.sizeClass), cell);
  }
  const history = new Map<string, Set<string>>();
  for (const r of await db.peerReleasedContent.findMany())
    history.set(r.municipalityKey, (history.get(r.municipalityKey) ?? new Set()).add(r.fingerprint));
  const sequence = new Map((await db.peerRelease.findMany()).map((r) => [cellKey(r.state, r.sizeClass), r.sequence]));
  return { live, released, pending, history, sequence };
}

const nonEmpty = <V extends { size: number }>(m: Map<string, V>) => new Map([...m].filter(([, v]) => v.size > 0));

/** Plays a history against the database and the model side by side; returns what the database published. */
async function playInDatabase(lib: TLib, h: THistory) {
  await reset(lib, h.municipalities);
  const model = new ReleaseModel(K);
  const mirror = new ChainMirror(h);
  const name = (_m: number, n: number) => CONTENTS[n]!.hash;
  const moments: TReleasedCell[][] = [];
  let lastSequence = new Map<string, number>();
  for (const op of h.ops) {
    if (op.kind === "flush") {
      await lib.db.$transaction((tx) => lib.refreshWholePeerPool(tx));
      for (let m = 0; m < h.municipalities; m += 1)
        model.change(municipalityKeyOf(m), mirror.contribution(m, name), false);
      model.releaseDue();
    } else
      for (const m of mirror.apply(op)) {
        await writeChain(lib, mirror, m);
        if (op.now) {
          await lib.db.$transaction((tx) => lib.refreshPeerPool(tx, municipalityKeyOf(m)));
          model.change(municipalityKeyOf(m), mirror.contribution(m, name));
        }
      }
    const pool = await readPool(lib);
    expect(pool.live).toEqual(model.live);
    expect(pool.released).toEqual(nonEmpty(model.released));
    expect(pool.pending).toEqual(nonEmpty(model.pending));
    expect(pool.sequence).toEqual(model.sequence);
    expect(pool.history).toEqual(
      new Map([...model.history].map(([key, contents]) => [key, new Set([...contents].map(contentFingerprint))])),
    );
    if ([...pool.sequence].some(([cell, n]) => lastSequence.get(cell) !== n))
      moments.push(
        [...pool.released].map(([cell, members]) => {
          const [state, sizeClass] = cell.split("|") as [string, string];
          return { state, sizeClass, members: new Map([...members].map(([m, c]) => [m, c.content])) };
        }),
      );
    lastSequence = pool.sequence;
  }
  return { model, moments };
}

describe.each([
  { label: "verified", env: { PEERS_MODE: "verified", PEERS_REQUIRE_APPROVAL: "false" }, requireApproval: false },
  {
    label: "verified, approval required",
    env: { PEERS_MODE: "verified", PEERS_REQUIRE_APPROVAL: "true" },
    requireApproval: true,
  },
])("refreshPeerPool and refreshWholePeerPool in the database ($label)", ({ env, requireApproval }) => {
  test("agree with the release model after every step, and publish nothing the auditor can take apart", async () => {
    const lib = await openPool(env);
    let releases = 0;
    await fc.assert(
      fc.asyncProperty(
        historyArb({
          municipalities: 10,
          homeCells: 1,
          // Approval makes fewer contributions count at a time: longer histories for as many releases.
          maxOps: requireApproval ? 70 : 50,
          contents: CONTENTS.length,
          profile: "busy",
          requireApproval,
          nowShare: 0.8,
        }),
        async (h) => {
          const { model, moments } = await playInDatabase(lib, h);
          releases += model.log.length;
          const demo = new Set(Array.from({ length: h.demo }, (_, m) => municipalityKeyOf(m)));
          expect(auditViews({ ...publishedViews(moments, K), known: demo }).leaks).toEqual([]);
        },
      ),
      { numRuns: RUNS, seed: 20261207, endOnFailure: true },
    );
    console.log(
      `[audit] database (${PG_URL ? "PostgreSQL" : "SQLite"}, k = ${K}${requireApproval ? ", approval required" : ""}): ${RUNS} histories, ${releases} releases`,
    );
    expect(releases, "the histories released cells").toBeGreaterThanOrEqual(RUNS / 2);
    await lib.db.$disconnect();
  }, 300_000);
});

describe("the rules around the release rule", () => {
  test("PEERS_MODE=open: an unverified submission under a verified municipality's key never replaces it", async () => {
    const lib = await openPool({ PEERS_MODE: "open", PEERS_REQUIRE_APPROVAL: "false" });
    await reset(lib, 1);
    const mirror = new ChainMirror({ municipalities: 1, demo: 0, requireApproval: false });
    mirror.apply({ kind: "submit", m: 0, content: 0, cell: -1, now: true });
    await writeChain(lib, mirror, 0);
    // Later, anyone sends an unverified assessment naming the same municipality, with other answers.
    await lib.db.assessment.create({
      data: {
        id: "impostor",
        status: "submitted",
        referenceId: REFERENCE_ID,
        municipalityName: "Gemeinde 0",
        state: "DE-SN",
        population: 1000,
        sizeClass: "lt_5000",
        respondentRole: "other",
        municipalityKey: municipalityKeyOf(0),
        submittedAt: new Date(Date.UTC(2027, 0, 1)),
        indexScore: CONTENTS[1]!.indexScore,
        contentHash: CONTENTS[1]!.hash,
      },
    });
    for (const refresh of [
      () => lib.db.$transaction((tx) => lib.refreshPeerPool(tx, municipalityKeyOf(0))),
      () => lib.db.$transaction((tx) => lib.refreshWholePeerPool(tx)),
    ]) {
      await refresh();
      const member = await lib.db.peerMember.findUnique({ where: { municipalityKey: municipalityKeyOf(0) } });
      expect(member).toMatchObject({ assessmentId: mirror.chains[0]!.years[0]!.id, contentHash: CONTENTS[0]!.hash });
    }
    // Without a verified submission, the unverified one counts (a closed pilot without codes).
    await lib.db.assessment.deleteMany({ where: { id: mirror.chains[0]!.years[0]!.id } });
    await lib.db.$transaction((tx) => lib.refreshPeerPool(tx, municipalityKeyOf(0)));
    expect(await lib.db.peerMember.findUnique({ where: { municipalityKey: municipalityKeyOf(0) } })).toMatchObject({
      assessmentId: "impostor",
    });
    await lib.db.$disconnect();
  });

  test("an upgraded database learns the contents of its releases once, and releases nothing for it", async () => {
    const lib = await openPool({ PEERS_MODE: "verified", PEERS_REQUIRE_APPROVAL: "false" });
    await reset(lib, 7);
    const mirror = new ChainMirror({ municipalities: 7, demo: 0, requireApproval: false });
    for (let m = 0; m < 6; m += 1) {
      mirror.apply({ kind: "submit", m, content: 0, cell: 0, now: false });
      await writeChain(lib, mirror, m);
    }
    await lib.db.$transaction((tx) => lib.refreshWholePeerPool(tx));
    expect((await lib.db.peerRelease.findFirst())?.count).toBe(6);
    // After the release: m0 submits new answers, m1 withdraws (deleted, so its released content is unknown).
    mirror.apply({ kind: "submit", m: 0, content: 1, cell: 0, now: true });
    await writeChain(lib, mirror, 0);
    mirror.apply({ kind: "deleteAll", m: 1, now: true });
    await writeChain(lib, mirror, 1);
    // As the database of the version before looked: no contents, no history, the rule not yet applied.
    const { db } = lib;
    await db.assessment.updateMany({ data: { contentHash: null } });
    await db.peerMember.updateMany({ data: { contentHash: null } });
    await db.peerReleasedMember.updateMany({ data: { contentHash: null } });
    await db.peerReleasedContent.deleteMany();
    await db.peerPendingChange.deleteMany();
    await db.peerPoolVersion.update({ where: { id: 1 }, data: { contentRule: 0 } });

    // The first change after the upgrade (m6 submits) brings the whole pool up to date.
    mirror.apply({ kind: "submit", m: 6, content: 0, cell: 0, now: true });
    await writeChain(lib, mirror, 6);
    await db.$transaction((tx) => lib.refreshPeerPool(tx, municipalityKeyOf(6)));
    expect((await db.peerPoolVersion.findUnique({ where: { id: 1 } }))?.contentRule).toBe(1);
    expect(await db.assessment.count({ where: { status: "submitted", contentHash: null } })).toBe(0);
    // Released contents are known again where their submission exists; m1's stays unknown.
    const released = await db.peerReleasedMember.findMany({ orderBy: { municipalityKey: "asc" } });
    expect(released.map((r) => [r.municipalityKey, r.contentHash])).toEqual([
      ["m0", CONTENTS[0]!.hash],
      ["m1", null],
      ["m2", CONTENTS[0]!.hash],
      ["m3", CONTENTS[0]!.hash],
      ["m4", CONTENTS[0]!.hash],
      ["m5", CONTENTS[0]!.hash],
    ]);
    // Pending: m0's new content, m1's withdrawal, m6's first submission; nothing released by the upgrade.
    const pending = await db.peerPendingChange.findMany({ orderBy: { municipalityKey: "asc" } });
    expect(pending.map((p) => [p.municipalityKey, p.fresh])).toEqual([
      ["m0", true],
      ["m1", false],
      ["m6", true],
    ]);
    expect((await db.peerRelease.findFirst())?.sequence).toBe(1);
    expect((await db.peerReleasedContent.findMany()).map((h) => h.municipalityKey).sort()).toEqual([
      "m0",
      "m2",
      "m3",
      "m4",
      "m5",
    ]);
    await db.$disconnect();
  });
});
