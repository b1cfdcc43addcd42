import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { getEnv } from "../env";
import { countsInFrame } from "../municipalities/register";
import { cellKey, cellsTouched, isReleaseDue, sameContribution, type TContribution } from "../peers/release-rule";

type TTx = Prisma.TransactionClient;

/**
 * Keeps the peer pool and its releases (docs/adr/0005-peer-privacy.md). Call inside the transaction that
 * changed something about a municipality's assessments (submit, reopen, delete, exclusion, approval,
 * verification, a revoked code):
 * 1. marks the municipality's latest submission that may count (verified or demo data unless
 *    PEERS_MODE=open) as peerCurrent;
 * 2. works out its contribution (that submission, unless excluded, unapproved where approval is required,
 *    or verified with a revoked code) and compares it with the one recorded in PeerMember;
 * 3. if it changed, records the municipality as a pending change of every cell whose last release counted
 *    it differently (a net change), and releases every such cell that now has at least k pending
 *    municipalities, in this same transaction.
 */
export async function refreshPeerPool(tx: TTx, municipalityKey: string, now = new Date()): Promise<void> {
  await lockPool(tx);
  for (const [state, sizeClass] of await syncMunicipality(tx, municipalityKey, now)) {
    await releaseIfDue(tx, state, sizeClass, now);
  }
}

/**
 * The assessments that may count as a municipality's peer submission: submitted, no later year of its chain submitted,
 * and in PEERS_MODE=verified confirmed with a participation code (or demo data).
 */
const mayCountWhere = (verifiedOnly: boolean) => ({
  status: "submitted",
  superseded: false,
  ...(verifiedOnly ? { OR: [{ isDemo: true }, { verifiedCodeId: { not: null } }] } : {}),
});

/** Steps 1–3 without releasing: returns the cells whose pending set the municipality entered. */
async function syncMunicipality(tx: TTx, municipalityKey: string, now: Date): Promise<[string, string][]> {
  const { PEERS_MODE } = getEnv();
  const latest = await tx.assessment.findFirst({
    where: { municipalityKey, ...mayCountWhere(PEERS_MODE === "verified") },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  await tx.assessment.updateMany({
    where: { municipalityKey, peerCurrent: true, ...(latest ? { NOT: { id: latest.id } } : {}) },
    data: { peerCurrent: false },
  });
  if (latest) await tx.assessment.update({ where: { id: latest.id }, data: { peerCurrent: true } });

  const after = latest ? await contributionOf(tx, latest.id) : null;
  const recorded = await tx.peerMember.findUnique({ where: { municipalityKey } });
  const before: TContribution | null = recorded
    ? { ...recorded, submittedAt: recorded.submittedAt.toISOString() }
    : null;
  if (cellsTouched(before, after).length === 0) return [];
  if (after) {
    const data = { ...after, submittedAt: new Date(after.submittedAt) };
    await tx.peerMember.upsert({ where: { municipalityKey }, create: { municipalityKey, ...data }, update: data });
  } else if (recorded) {
    await tx.peerMember.delete({ where: { municipalityKey } });
  }
  // Pending is a net change against what each cell's last release counted: changing and changing back
  // leaves nothing pending, so k pending municipalities are k that really differ in the next release.
  // Every cell that last released the municipality, holds it as pending (it may have entered and left
  // again before a release: then that is no net change there) or that it joins.
  const released = await tx.peerReleasedMember.findMany({ where: { municipalityKey } });
  const cells = new Map<string, [string, string]>();
  for (const r of released) cells.set(cellKey(r.state, r.sizeClass), [r.state, r.sizeClass]);
  for (const p of await tx.peerPendingChange.findMany({ where: { municipalityKey } }))
    cells.set(cellKey(p.state, p.sizeClass), [p.state, p.sizeClass]);
  if (after) cells.set(cellKey(after.state, after.sizeClass), [after.state, after.sizeClass]);
  const entered: [string, string][] = [];
  for (const [key, [state, sizeClass]] of cells) {
    const inCell = after && cellKey(after.state, after.sizeClass) === key ? after : null;
    const r = released.find((x) => cellKey(x.state, x.sizeClass) === key);
    const counted: TContribution | null = r
      ? { assessmentId: r.assessmentId, state, sizeClass, submittedAt: r.submittedAt.toISOString() }
      : null;
    const where = { state_sizeClass_municipalityKey: { state, sizeClass, municipalityKey } };
    if (sameContribution(inCell, counted)) {
      await tx.peerPendingChange.deleteMany({ where: { state, sizeClass, municipalityKey } });
    } else {
      await tx.peerPendingChange.upsert({
        where,
        create: { state, sizeClass, municipalityKey, changedAt: now },
        update: { changedAt: now },
      });
      entered.push([state, sizeClass]);
    }
  }
  return entered;
}

/**
 * Serialises changes of the pool across instances: the version row is locked until the transaction ends
 * (PostgreSQL; SQLite has one writer anyway), so two submissions cannot both see k − 1 pending changes.
 */
async function lockPool(tx: TTx): Promise<void> {
  await tx.peerPoolVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 0 },
    update: { version: { increment: 0 } },
  });
}

/** The submission's contribution, or null when it may not count (excluded, unapproved, revoked code). */
async function contributionOf(tx: TTx, assessmentId: string): Promise<TContribution | null> {
  const { PEERS_MODE, PEERS_REQUIRE_APPROVAL } = getEnv();
  const a = await tx.assessment.findUnique({
    where: { id: assessmentId },
    select: {
      id: true,
      state: true,
      sizeClass: true,
      submittedAt: true,
      excludedFromPeers: true,
      peerApproved: true,
      isDemo: true,
      verifiedCodeId: true,
      unitKey: true,
    },
  });
  if (!a || !a.submittedAt || a.excludedFromPeers || !countsInFrame(a.unitKey)) return null;
  if (PEERS_REQUIRE_APPROVAL && !a.peerApproved) return null;
  if (PEERS_MODE === "verified" && !a.isDemo) {
    if (!a.verifiedCodeId) return null;
    const code = await tx.participationCode.findUnique({ where: { id: a.verifiedCodeId }, select: { status: true } });
    if (!code || code.status === "revoked") return null;
  }
  return { assessmentId: a.id, state: a.state, sizeClass: a.sizeClass, submittedAt: a.submittedAt.toISOString() };
}

async function releaseIfDue(tx: TTx, state: string, sizeClass: string, now: Date): Promise<void> {
  const pending = await tx.peerPendingChange.count({ where: { state, sizeClass } });
  if (isReleaseDue(pending, getEnv().PEER_K)) await releaseCell(tx, state, sizeClass, now);
}

/** Publishes the cell's current contributions as its new release and clears its pending changes. */
export async function releaseCell(tx: TTx, state: string, sizeClass: string, now: Date): Promise<void> {
  // Joins in the database: a cell can hold thousands of municipalities, more than a query may bind.
  const scores = await tx.$queryRaw<{ indexScore: number | null }[]>`
    SELECT a."indexScore" AS "indexScore" FROM "PeerMember" m JOIN "Assessment" a ON a."id" = m."assessmentId"
    WHERE m."state" = ${state} AND m."sizeClass" = ${sizeClass}`;
  const counts = await tx.$queryRaw<{ questionId: string; optionId: string; n: number | bigint }[]>`
    SELECT w."questionId" AS "questionId", w."optionId" AS "optionId", COUNT(*) AS "n"
    FROM "PeerMember" m JOIN "Answer" w ON w."assessmentId" = m."assessmentId"
    WHERE m."state" = ${state} AND m."sizeClass" = ${sizeClass}
    GROUP BY w."questionId", w."optionId"`;
  const optionCounts: Record<string, Record<string, number>> = {};
  for (const c of counts) (optionCounts[c.questionId] ??= {})[c.optionId] = Number(c.n);
  const indexScores = scores
    .map((s) => (s.indexScore === null ? null : Number(s.indexScore)))
    .filter((s): s is number => s !== null)
    .sort((x, y) => x - y);
  const data = {
    releasedAt: now,
    count: scores.length,
    indexScores: JSON.stringify(indexScores),
    optionCounts: JSON.stringify(optionCounts),
  };
  await tx.peerRelease.upsert({
    where: { state_sizeClass: { state, sizeClass } },
    create: { state, sizeClass, sequence: 1, ...data },
    update: { sequence: { increment: 1 }, ...data },
  });
  await tx.peerReleasedMember.deleteMany({ where: { state, sizeClass } });
  await tx.$executeRaw`
    INSERT INTO "PeerReleasedMember" ("state", "sizeClass", "municipalityKey", "assessmentId", "submittedAt")
    SELECT "state", "sizeClass", "municipalityKey", "assessmentId", "submittedAt" FROM "PeerMember"
    WHERE "state" = ${state} AND "sizeClass" = ${sizeClass}`;
  await tx.peerPendingChange.deleteMany({ where: { state, sizeClass } });
  await tx.peerPoolVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
}

/** How many ids one statement binds: well below SQLite's and PostgreSQL's limits. */
const BATCH = 500;

function* batches<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

/** Newest first, as syncMunicipality orders: submittedAt, then id. */
const newer = (a: { submittedAt: Date | null; id: string }, b: { submittedAt: Date | null; id: string }) => {
  const ta = a.submittedAt?.getTime() ?? -Infinity;
  const tb = b.submittedAt?.getTime() ?? -Infinity;
  return ta !== tb ? ta > tb : a.id > b.id;
};

/**
 * Brings the whole pool up to date at once (seed:demo, benchmarks, after an upgrade) with the same result
 * as refreshing every municipality one by one and then releasing every cell with k pending changes, but in
 * a handful of bulk statements: it reads the submissions, contributions, releases and pending changes,
 * works out in memory what each must become, and writes only the differences. Pending changes are
 * recomputed as the net difference between each cell's live and released members, which is the invariant
 * refreshPeerPool keeps, so an existing pending change keeps its date.
 */
export async function refreshWholePeerPool(tx: TTx, now = new Date()): Promise<void> {
  const { PEERS_MODE, PEERS_REQUIRE_APPROVAL, PEER_K } = getEnv();
  const verifiedOnly = PEERS_MODE === "verified";
  await lockPool(tx);

  // 1. The latest submission per municipality that may count, as syncMunicipality selects it.
  const submitted = await tx.assessment.findMany({
    where: mayCountWhere(verifiedOnly),
    select: {
      id: true,
      municipalityKey: true,
      state: true,
      sizeClass: true,
      submittedAt: true,
      excludedFromPeers: true,
      peerApproved: true,
      isDemo: true,
      verifiedCodeId: true,
      unitKey: true,
    },
  });
  const latest = new Map<string, (typeof submitted)[number]>();
  for (const a of submitted) {
    const seen = latest.get(a.municipalityKey);
    if (!seen || newer(a, seen)) latest.set(a.municipalityKey, a);
  }
  const currentIds = new Set([...latest.values()].map((a) => a.id));
  const markedIds = (await tx.assessment.findMany({ where: { peerCurrent: true }, select: { id: true } })).map(
    (a) => a.id,
  );
  const marked = new Set(markedIds);
  for (const ids of batches(markedIds.filter((id) => !currentIds.has(id))))
    await tx.assessment.updateMany({ where: { id: { in: ids } }, data: { peerCurrent: false } });
  for (const ids of batches([...currentIds].filter((id) => !marked.has(id))))
    await tx.assessment.updateMany({ where: { id: { in: ids } }, data: { peerCurrent: true } });

  // 2. Each municipality's contribution, as contributionOf decides it.
  const revoked = new Set(
    (await tx.participationCode.findMany({ where: { status: "revoked" }, select: { id: true } })).map((c) => c.id),
  );
  const live = new Map<string, TContribution>();
  for (const [key, a] of latest) {
    if (!a.submittedAt || a.excludedFromPeers || !countsInFrame(a.unitKey)) continue;
    if (PEERS_REQUIRE_APPROVAL && !a.peerApproved) continue;
    if (verifiedOnly && !a.isDemo && (!a.verifiedCodeId || revoked.has(a.verifiedCodeId))) continue;
    live.set(key, {
      assessmentId: a.id,
      state: a.state,
      sizeClass: a.sizeClass,
      submittedAt: a.submittedAt.toISOString(),
    });
  }
  const recorded = new Map<string, TContribution>();
  for (const m of await tx.peerMember.findMany())
    recorded.set(m.municipalityKey, { ...m, submittedAt: m.submittedAt.toISOString() });
  const stale = [...recorded.keys()].filter(
    (key) => !sameContribution(recorded.get(key) ?? null, live.get(key) ?? null),
  );
  const fresh = [...live.entries()].filter(([key, c]) => !sameContribution(recorded.get(key) ?? null, c));
  for (const keys of batches(stale)) await tx.peerMember.deleteMany({ where: { municipalityKey: { in: keys } } });
  for (const rows of batches(fresh))
    await tx.peerMember.createMany({
      data: rows.map(([municipalityKey, c]) => ({ municipalityKey, ...c, submittedAt: new Date(c.submittedAt) })),
    });

  // 3. Pending changes: per cell, the municipalities whose live contribution there differs from the released one.
  const wanted = new Map<string, { state: string; sizeClass: string; municipalityKey: string }>();
  const released = await tx.peerReleasedMember.findMany();
  const releasedAt = new Set<string>();
  for (const r of released) {
    const id = `${cellKey(r.state, r.sizeClass)}|${r.municipalityKey}`;
    releasedAt.add(id);
    const c = live.get(r.municipalityKey);
    const inCell = c && c.state === r.state && c.sizeClass === r.sizeClass ? c : null;
    const counted = { ...r, submittedAt: r.submittedAt.toISOString() };
    if (!sameContribution(inCell, counted))
      wanted.set(id, { state: r.state, sizeClass: r.sizeClass, municipalityKey: r.municipalityKey });
  }
  for (const [municipalityKey, c] of live) {
    const id = `${cellKey(c.state, c.sizeClass)}|${municipalityKey}`;
    if (!releasedAt.has(id)) wanted.set(id, { state: c.state, sizeClass: c.sizeClass, municipalityKey });
  }
  const existing = await tx.peerPendingChange.findMany({
    select: { state: true, sizeClass: true, municipalityKey: true },
  });
  const have = new Set(existing.map((p) => `${cellKey(p.state, p.sizeClass)}|${p.municipalityKey}`));
  const obsolete = new Map<string, { state: string; sizeClass: string; keys: string[] }>();
  for (const p of existing) {
    const cell = cellKey(p.state, p.sizeClass);
    if (wanted.has(`${cell}|${p.municipalityKey}`)) continue;
    const entry = obsolete.get(cell) ?? { state: p.state, sizeClass: p.sizeClass, keys: [] };
    entry.keys.push(p.municipalityKey);
    obsolete.set(cell, entry);
  }
  for (const { state, sizeClass, keys } of obsolete.values())
    for (const ids of batches(keys))
      await tx.peerPendingChange.deleteMany({ where: { state, sizeClass, municipalityKey: { in: ids } } });
  const added = [...wanted.entries()].filter(([id]) => !have.has(id)).map(([, p]) => ({ ...p, changedAt: now }));
  for (const rows of batches(added)) await tx.peerPendingChange.createMany({ data: rows });

  // 4. Release every cell with k pending municipalities.
  const perCell = new Map<string, { state: string; sizeClass: string; n: number }>();
  for (const p of wanted.values()) {
    const cell = perCell.get(cellKey(p.state, p.sizeClass)) ?? { state: p.state, sizeClass: p.sizeClass, n: 0 };
    cell.n++;
    perCell.set(cellKey(p.state, p.sizeClass), cell);
  }
  for (const { state, sizeClass, n } of perCell.values())
    if (isReleaseDue(n, PEER_K)) await releaseCell(tx, state, sizeClass, now);
}
