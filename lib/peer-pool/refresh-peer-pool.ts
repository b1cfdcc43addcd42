import "server-only";
import { metrics } from "../metrics/registry.cjs";
import type { Prisma } from "../generated/prisma/client";
import { getEnv } from "../env";
import { countsInFrame } from "../municipalities/register";
import { contentFingerprint, contentHash } from "../peers/content";
import {
  cellKey,
  isNewContent,
  isReleaseDue,
  sameContribution,
  UNKNOWN_CONTENT,
  type TContribution,
  type TPending,
} from "../peers/release-rule";

type TTx = Prisma.TransactionClient;

/** A contribution as the pool stores it: the submission that counts (the release joins its answers), and what it adds. */
type TStored = TContribution & { assessmentId: string; submittedAt: Date };

/** The value of PeerPoolVersion.contentRule once contents and their history are recorded. */
const CONTENT_RULE = 1;

/**
 * Keeps the peer pool and its releases (docs/adr/0005-peer-privacy.md). Call inside the transaction that
 * changed something about a municipality's assessments (submit, reopen, delete, exclusion, approval,
 * verification, a revoked code):
 * 1. marks the municipality's latest submission that may count (verified or demo data; with PEERS_MODE=open
 *    an unverified one only where the municipality has no verified one) as peerCurrent;
 * 2. works out its contribution (that submission's cell and content, unless excluded, unapproved where
 *    approval is required, or verified with a revoked code) and compares it with the one in PeerMember: only
 *    another content or another cell is a change;
 * 3. if it changed, records the municipality as pending in every cell whose last release counted it
 *    differently (a net change), marked as bringing a new content or not, and releases every such cell whose
 *    pending municipalities now make a release due (k new contents), in this same transaction.
 */
export async function refreshPeerPool(tx: TTx, municipalityKey: string, now = new Date()): Promise<void> {
  // A database from before contents were recorded is brought up to date as a whole, once.
  if (!(await lockPool(tx))) return refreshWholePeerPool(tx, now);
  for (const [state, sizeClass] of await syncMunicipality(tx, municipalityKey, now)) {
    await releaseIfDue(tx, state, sizeClass, now);
  }
}

/**
 * The assessments that may count as a municipality's peer submission: submitted, no later year of its chain
 * submitted, and (`verifiedOnly`) confirmed with a participation code or demo data.
 */
const mayCountWhere = (verifiedOnly: boolean) => ({
  status: "submitted",
  superseded: false,
  ...(verifiedOnly ? { OR: [{ isDemo: true }, { verifiedCodeId: { not: null } }] } : {}),
});

const NEWEST_FIRST = [{ submittedAt: "desc" as const }, { id: "desc" as const }];

/**
 * The municipality's submission that may count. With PEERS_MODE=open every submission may, but an
 * unverified one never stands in for a verified one: anyone can send an unverified assessment under any AGS.
 */
async function findCountingSubmission(tx: TTx, municipalityKey: string): Promise<{ id: string } | null> {
  const select = { id: true };
  const verified = await tx.assessment.findFirst({
    where: { municipalityKey, ...mayCountWhere(true) },
    orderBy: NEWEST_FIRST,
    select,
  });
  if (verified || getEnv().PEERS_MODE === "verified") return verified;
  return tx.assessment.findFirst({
    where: { municipalityKey, ...mayCountWhere(false) },
    orderBy: NEWEST_FIRST,
    select,
  });
}

const storedOf = (row: {
  assessmentId: string;
  state: string;
  sizeClass: string;
  submittedAt: Date;
  contentHash: string | null;
  isDemo: boolean;
}): TStored => ({
  assessmentId: row.assessmentId,
  state: row.state,
  sizeClass: row.sizeClass,
  submittedAt: row.submittedAt,
  content: row.contentHash ?? UNKNOWN_CONTENT,
  isDemo: row.isDemo,
});

const rowOf = (c: TStored) => ({
  assessmentId: c.assessmentId,
  state: c.state,
  sizeClass: c.sizeClass,
  submittedAt: c.submittedAt,
  contentHash: c.content,
  isDemo: c.isDemo,
});

/** Steps 1–3 without releasing: returns the cells whose pending set the municipality entered. */
async function syncMunicipality(tx: TTx, municipalityKey: string, now: Date): Promise<[string, string][]> {
  const latest = await findCountingSubmission(tx, municipalityKey);
  await tx.assessment.updateMany({
    where: { municipalityKey, peerCurrent: true, ...(latest ? { NOT: { id: latest.id } } : {}) },
    data: { peerCurrent: false },
  });
  if (latest) await tx.assessment.update({ where: { id: latest.id }, data: { peerCurrent: true } });

  const after = latest ? await contributionOf(tx, latest.id) : null;
  const recorded = await tx.peerMember.findUnique({ where: { municipalityKey } });
  const before = recorded ? storedOf(recorded) : null;
  if (sameContribution(before, after)) {
    // The same content in the same cell, perhaps from another submission (an unchanged follow-up): no change,
    // but the release must join the answers of the submission that counts now.
    if (after && recorded!.assessmentId !== after.assessmentId)
      await tx.peerMember.update({ where: { municipalityKey }, data: rowOf(after) });
    return [];
  }
  if (after) {
    await tx.peerMember.upsert({
      where: { municipalityKey },
      create: { municipalityKey, ...rowOf(after) },
      update: rowOf(after),
    });
  } else if (recorded) {
    await tx.peerMember.delete({ where: { municipalityKey } });
  }
  // Pending is a net change against what each cell's last release counted: changing and changing back
  // leaves nothing pending. Every cell that last released the municipality, holds it as pending (it may have
  // entered and left again before a release: then that is no net change there) or that it joins.
  const released = await tx.peerReleasedMember.findMany({ where: { municipalityKey } });
  const cells = new Map<string, [string, string]>();
  for (const r of released) cells.set(cellKey(r.state, r.sizeClass), [r.state, r.sizeClass]);
  for (const p of await tx.peerPendingChange.findMany({ where: { municipalityKey } }))
    cells.set(cellKey(p.state, p.sizeClass), [p.state, p.sizeClass]);
  if (after) cells.set(cellKey(after.state, after.sizeClass), [after.state, after.sizeClass]);
  const wasReleased =
    after !== null &&
    (await tx.peerReleasedContent.count({
      where: { municipalityKey, fingerprint: contentFingerprint(after.content) },
    })) > 0;
  const hasUnknown = released.some((r) => r.contentHash === null);
  const entered: [string, string][] = [];
  for (const [key, [state, sizeClass]] of cells) {
    const inCell = after && cellKey(after.state, after.sizeClass) === key ? after : null;
    const r = released.find((x) => cellKey(x.state, x.sizeClass) === key);
    const counted = r ? storedOf(r) : null;
    if (sameContribution(inCell, counted)) {
      await tx.peerPendingChange.deleteMany({ where: { state, sizeClass, municipalityKey } });
    } else {
      const flags: TPending = {
        fresh: inCell !== null && isNewContent(inCell, wasReleased, hasUnknown),
        isDemo: (inCell ?? counted)!.isDemo,
      };
      await tx.peerPendingChange.upsert({
        where: { state_sizeClass_municipalityKey: { state, sizeClass, municipalityKey } },
        create: { state, sizeClass, municipalityKey, changedAt: now, ...flags },
        update: { changedAt: now, ...flags },
      });
      entered.push([state, sizeClass]);
    }
  }
  return entered;
}

/**
 * Serialises changes of the pool across instances: the version row is locked until the transaction ends
 * (PostgreSQL; SQLite has one writer anyway), so two submissions cannot both see k − 1 pending changes.
 * Returns false while the database still has to be brought up to the content rule (contentRule < 1).
 */
async function lockPool(tx: TTx): Promise<boolean> {
  const row = await tx.peerPoolVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 0, contentRule: CONTENT_RULE },
    update: { version: { increment: 0 } },
  });
  return row.contentRule >= CONTENT_RULE;
}

const CONTRIBUTION_SELECT = {
  id: true,
  state: true,
  sizeClass: true,
  submittedAt: true,
  excludedFromPeers: true,
  peerApproved: true,
  isDemo: true,
  verifiedCodeId: true,
  contentHash: true,
  unitKey: true,
} as const;

/** The submission's contribution, or null when it may not count (excluded, unapproved, revoked code). */
async function contributionOf(tx: TTx, assessmentId: string): Promise<TStored | null> {
  const { PEERS_MODE, PEERS_REQUIRE_APPROVAL } = getEnv();
  const a = await tx.assessment.findUnique({ where: { id: assessmentId }, select: CONTRIBUTION_SELECT });
  // A Gemeinde whose Verband runs its administration never counts: the Verband does (ADR 0013).
  if (!a || !a.submittedAt || a.excludedFromPeers || !countsInFrame(a.unitKey)) return null;
  if (PEERS_REQUIRE_APPROVAL && !a.peerApproved) return null;
  if (PEERS_MODE === "verified" && !a.isDemo) {
    if (!a.verifiedCodeId) return null;
    const code = await tx.participationCode.findUnique({ where: { id: a.verifiedCodeId }, select: { status: true } });
    if (!code || code.status === "revoked") return null;
  }
  const content = a.contentHash ?? (await recordContentHashes(tx, [a.id])).get(a.id)!;
  return {
    assessmentId: a.id,
    state: a.state,
    sizeClass: a.sizeClass,
    submittedAt: a.submittedAt,
    content,
    isDemo: a.isDemo,
  };
}

/**
 * Computes and stores contentHash for submissions that lack it (submitted before contents were recorded, or
 * written by a script), from their answers. Returns id → hash.
 */
async function recordContentHashes(tx: TTx, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batch of batches(ids)) {
    const rows = await tx.assessment.findMany({
      where: { id: { in: batch } },
      select: {
        id: true,
        referenceId: true,
        indexScore: true,
        answers: { select: { questionId: true, optionId: true } },
      },
    });
    for (const r of rows) {
      const hash = contentHash({ referenceId: r.referenceId, answers: r.answers, indexScore: r.indexScore });
      out.set(r.id, hash);
      await tx.assessment.update({ where: { id: r.id }, data: { contentHash: hash } });
    }
  }
  return out;
}

async function releaseIfDue(tx: TTx, state: string, sizeClass: string, now: Date): Promise<void> {
  const pending = await tx.peerPendingChange.findMany({
    where: { state, sizeClass },
    select: { fresh: true, isDemo: true },
  });
  if (isReleaseDue(pending, getEnv().PEER_K)) await releaseCell(tx, state, sizeClass, now);
}

/**
 * Publishes the cell's current contributions as its new release, records their contents as released (the
 * history that decides what is new) and clears the cell's pending changes.
 */
export async function releaseCell(tx: TTx, state: string, sizeClass: string, now: Date): Promise<void> {
  metrics().releases.inc();
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
    INSERT INTO "PeerReleasedMember" ("state", "sizeClass", "municipalityKey", "assessmentId", "submittedAt", "contentHash", "isDemo")
    SELECT "state", "sizeClass", "municipalityKey", "assessmentId", "submittedAt", "contentHash", "isDemo" FROM "PeerMember"
    WHERE "state" = ${state} AND "sizeClass" = ${sizeClass}`;
  // The fingerprint is contentFingerprint(): the first 8 hex digits (FINGERPRINT_HEX) of the hash.
  await tx.$executeRaw`
    INSERT INTO "PeerReleasedContent" ("municipalityKey", "fingerprint")
    SELECT "municipalityKey", substr("contentHash", 1, 8) FROM "PeerMember"
    WHERE "state" = ${state} AND "sizeClass" = ${sizeClass} AND "contentHash" IS NOT NULL
    ON CONFLICT DO NOTHING`;
  await tx.peerPendingChange.deleteMany({ where: { state, sizeClass } });
  await tx.peerPoolVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
}

/** How many ids one statement binds: well below SQLite's and PostgreSQL's limits. */
const BATCH = 500;

function* batches<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

/** Newest first, as findCountingSubmission orders: submittedAt, then id. */
const newer = (a: { submittedAt: Date | null; id: string }, b: { submittedAt: Date | null; id: string }) => {
  const ta = a.submittedAt?.getTime() ?? -Infinity;
  const tb = b.submittedAt?.getTime() ?? -Infinity;
  return ta !== tb ? ta > tb : a.id > b.id;
};

const sameRow = (a: TStored, b: TStored) =>
  sameContribution(a, b) &&
  a.isDemo === b.isDemo &&
  a.assessmentId === b.assessmentId &&
  a.submittedAt.getTime() === b.submittedAt.getTime();

/**
 * Brings the whole pool up to date at once (seed:demo, benchmarks, and the first change after an upgrade)
 * with the same result as refreshing every municipality one by one and then releasing every cell that is
 * due, but in a handful of bulk statements: it reads the submissions, contributions, releases, history and
 * pending changes, works out in memory what each must become, and writes only the differences. Pending
 * changes are recomputed as the net difference between each cell's live and released members, which is the
 * invariant refreshPeerPool keeps, so an existing pending change keeps its date.
 */
export async function refreshWholePeerPool(tx: TTx, now = new Date()): Promise<void> {
  const { PEERS_MODE, PEERS_REQUIRE_APPROVAL, PEER_K } = getEnv();
  const upToDate = await lockPool(tx);

  // 1. The latest submission per municipality that may count, as findCountingSubmission selects it.
  const submitted = await tx.assessment.findMany({
    where: mayCountWhere(false),
    select: { ...CONTRIBUTION_SELECT, municipalityKey: true },
  });
  const counts = (a: (typeof submitted)[number]) => a.isDemo || a.verifiedCodeId !== null;
  const latest = new Map<string, (typeof submitted)[number]>();
  for (const a of submitted) {
    if (PEERS_MODE === "verified" && !counts(a)) continue;
    const seen = latest.get(a.municipalityKey);
    // PEERS_MODE=open: a verified submission always wins over an unverified one.
    const better = !seen || (counts(a) !== counts(seen) ? counts(a) : newer(a, seen));
    if (better) latest.set(a.municipalityKey, a);
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
  const missing = await recordContentHashes(
    tx,
    [...latest.values()].filter((a) => a.contentHash === null).map((a) => a.id),
  );

  // 2. Each municipality's contribution, as contributionOf decides it.
  const revoked = new Set(
    (await tx.participationCode.findMany({ where: { status: "revoked" }, select: { id: true } })).map((c) => c.id),
  );
  const live = new Map<string, TStored>();
  for (const [key, a] of latest) {
    if (!a.submittedAt || a.excludedFromPeers || !countsInFrame(a.unitKey)) continue;
    if (PEERS_REQUIRE_APPROVAL && !a.peerApproved) continue;
    if (PEERS_MODE === "verified" && !a.isDemo && (!a.verifiedCodeId || revoked.has(a.verifiedCodeId))) continue;
    live.set(key, {
      assessmentId: a.id,
      state: a.state,
      sizeClass: a.sizeClass,
      submittedAt: a.submittedAt,
      content: a.contentHash ?? missing.get(a.id)!,
      isDemo: a.isDemo,
    });
  }
  if (!upToDate) await upgradeToContentRule(tx, live);

  const recorded = new Map<string, TStored>();
  for (const m of await tx.peerMember.findMany()) recorded.set(m.municipalityKey, storedOf(m));
  const stale = [...recorded].filter(([key, r]) => !live.has(key) || !sameRow(r, live.get(key)!)).map(([k]) => k);
  const fresh = [...live].filter(([key, c]) => !recorded.has(key) || !sameRow(recorded.get(key)!, c));
  for (const keys of batches(stale)) await tx.peerMember.deleteMany({ where: { municipalityKey: { in: keys } } });
  for (const rows of batches(fresh))
    await tx.peerMember.createMany({ data: rows.map(([municipalityKey, c]) => ({ municipalityKey, ...rowOf(c) })) });

  // 3. Pending changes: per cell, the municipalities whose live contribution there differs from the released
  // one, with what they bring.
  const history = new Set(
    (await tx.peerReleasedContent.findMany()).map((h) => `${h.municipalityKey}|${h.fingerprint}`),
  );
  const released = await tx.peerReleasedMember.findMany();
  const unknown = new Set(released.filter((r) => r.contentHash === null).map((r) => r.municipalityKey));
  type TWanted = { state: string; sizeClass: string; municipalityKey: string } & TPending;
  const wanted = new Map<string, TWanted>();
  const want = (
    state: string,
    sizeClass: string,
    municipalityKey: string,
    inCell: TStored | null,
    counted: TStored | null,
  ) =>
    wanted.set(`${cellKey(state, sizeClass)}|${municipalityKey}`, {
      state,
      sizeClass,
      municipalityKey,
      fresh:
        inCell !== null &&
        isNewContent(
          inCell,
          history.has(`${municipalityKey}|${contentFingerprint(inCell.content)}`),
          unknown.has(municipalityKey),
        ),
      isDemo: (inCell ?? counted)!.isDemo,
    });
  const releasedAt = new Set<string>();
  for (const r of released) {
    releasedAt.add(`${cellKey(r.state, r.sizeClass)}|${r.municipalityKey}`);
    const c = live.get(r.municipalityKey);
    const inCell = c && c.state === r.state && c.sizeClass === r.sizeClass ? c : null;
    const counted = storedOf(r);
    if (!sameContribution(inCell, counted)) want(r.state, r.sizeClass, r.municipalityKey, inCell, counted);
  }
  for (const [municipalityKey, c] of live)
    if (!releasedAt.has(`${cellKey(c.state, c.sizeClass)}|${municipalityKey}`))
      want(c.state, c.sizeClass, municipalityKey, c, null);
  const existing = await tx.peerPendingChange.findMany({
    select: { state: true, sizeClass: true, municipalityKey: true, fresh: true, isDemo: true },
  });
  const kept = new Set<string>();
  const obsolete = new Map<string, { state: string; sizeClass: string; keys: string[] }>();
  for (const p of existing) {
    const id = `${cellKey(p.state, p.sizeClass)}|${p.municipalityKey}`;
    const w = wanted.get(id);
    if (w && w.fresh === p.fresh && w.isDemo === p.isDemo) {
      kept.add(id);
      continue;
    }
    const entry = obsolete.get(cellKey(p.state, p.sizeClass)) ?? { state: p.state, sizeClass: p.sizeClass, keys: [] };
    entry.keys.push(p.municipalityKey);
    obsolete.set(cellKey(p.state, p.sizeClass), entry);
  }
  for (const { state, sizeClass, keys } of obsolete.values())
    for (const ids of batches(keys))
      await tx.peerPendingChange.deleteMany({ where: { state, sizeClass, municipalityKey: { in: ids } } });
  const added = [...wanted].filter(([id]) => !kept.has(id)).map(([, p]) => ({ ...p, changedAt: now }));
  for (const rows of batches(added)) await tx.peerPendingChange.createMany({ data: rows });

  // 4. Release every cell that is due.
  const perCell = new Map<string, { state: string; sizeClass: string; pending: TPending[] }>();
  for (const p of wanted.values()) {
    const cell = perCell.get(cellKey(p.state, p.sizeClass)) ?? { state: p.state, sizeClass: p.sizeClass, pending: [] };
    cell.pending.push(p);
    perCell.set(cellKey(p.state, p.sizeClass), cell);
  }
  for (const { state, sizeClass, pending } of perCell.values())
    if (isReleaseDue(pending, PEER_K)) await releaseCell(tx, state, sizeClass, now);
}

/**
 * Once, for a database from before contents were recorded: the contents of its releases, as far as their
 * submissions still exist (otherwise they stay unknown), and a history of released contents that counts every
 * submitted assessment as released except each municipality's current contribution (which the old rule may
 * not have released yet). Errs towards "not new": a content wrongly taken for released only waits longer.
 */
async function upgradeToContentRule(tx: TTx, live: Map<string, TStored>): Promise<void> {
  const withoutHash = await tx.assessment.findMany({
    where: { status: "submitted", contentHash: null },
    select: { id: true },
  });
  await recordContentHashes(
    tx,
    withoutHash.map((a) => a.id),
  );
  await tx.$executeRaw`
    UPDATE "PeerReleasedMember" SET
      "contentHash" = (SELECT a."contentHash" FROM "Assessment" a WHERE a."id" = "PeerReleasedMember"."assessmentId"
        AND a."status" = 'submitted' AND a."submittedAt" = "PeerReleasedMember"."submittedAt"),
      "isDemo" = COALESCE((SELECT a."isDemo" FROM "Assessment" a WHERE a."id" = "PeerReleasedMember"."assessmentId"), false)
    WHERE "contentHash" IS NULL`;
  const currentIds = new Set([...live.values()].map((c) => c.assessmentId));
  const entries = new Map<string, { municipalityKey: string; fingerprint: string }>();
  for (const a of await tx.assessment.findMany({
    where: { status: "submitted", contentHash: { not: null } },
    select: { id: true, municipalityKey: true, contentHash: true },
  }))
    if (!currentIds.has(a.id)) {
      const fingerprint = contentFingerprint(a.contentHash!);
      entries.set(`${a.municipalityKey}|${fingerprint}`, { municipalityKey: a.municipalityKey, fingerprint });
    }
  for (const r of await tx.peerReleasedMember.findMany({ where: { contentHash: { not: null } } })) {
    const fingerprint = contentFingerprint(r.contentHash!);
    entries.set(`${r.municipalityKey}|${fingerprint}`, { municipalityKey: r.municipalityKey, fingerprint });
  }
  await tx.peerReleasedContent.deleteMany();
  for (const rows of batches([...entries.values()])) await tx.peerReleasedContent.createMany({ data: rows });
  await tx.peerPoolVersion.update({ where: { id: 1 }, data: { contentRule: CONTENT_RULE } });
}
