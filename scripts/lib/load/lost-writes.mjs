// The lost-write check of the saves: after a run, what the database holds is compared with what the
// load generator was told (every acknowledged save, plus the unanswered ones that did reach the database).

import { sleep } from "./run.mjs";
import { applyPatch } from "./scenarios.mjs";

async function readState(db, ids, tables) {
  const marks = ids.map(() => "?").join(", ");
  const { owner, answers: answerTable, key } = tables;
  const versions = new Map(
    (await db.all(`SELECT "id", "version" FROM "${owner}" WHERE "id" IN (${marks})`, ids)).map((r) => [
      r.id,
      Number(r.version),
    ]),
  );
  const answers = new Map(ids.map((id) => [id, new Map()]));
  for (const r of await db.all(
    `SELECT "${key}" AS "ownerId", "questionId", "optionId" FROM "${answerTable}" WHERE "${key}" IN (${marks})`,
    ids,
  )) {
    const m = answers.get(r.ownerId);
    m.set(r.questionId, [...(m.get(r.questionId) ?? []), r.optionId].sort());
  }
  return { versions, answers };
}

/**
 * After a run: a save that was in flight when autocannon stopped (or that timed out) may or may not have
 * reached the database, and the server may still be working on it. Waits until the stored versions have
 * been stable for 1.5 s (at most 30 s), then settles what it can: such a save was applied when the stored
 * version is exactly its version + 1. What is still open stays open, to be settled by the next answer for
 * that version (200: it was not applied; 409: it was) or by the final call, made after the servers stopped.
 */
export async function settleInflight(db, slots, { final = false } = {}) {
  const ids = slots.map((s) => s.id);
  let prev = null;
  let stableSince = Date.now();
  const deadline = Date.now() + (final ? 5_000 : 30_000);
  while (Date.now() < deadline) {
    await sleep(250);
    const cur = JSON.stringify([...(await readState(db, ids, slots[0].tables)).versions]);
    if (cur !== prev) {
      prev = cur;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= (final ? 250 : 1500)) break;
  }
  const { versions } = await readState(db, ids, slots[0].tables);
  let open = 0;
  for (const s of slots) {
    const stored = versions.get(s.id);
    const pending = [...s.orphans, ...(s.inflight ? [s.inflight] : [])].filter((o) => o.version === s.version);
    s.inflight = null;
    s.orphans = [];
    if (pending.length === 0) continue;
    if (stored === s.version + 1) {
      s.applied++;
      applyPatch(s.expected, pending[0].patch);
      s.version = stored;
    } else if (!final) {
      s.orphans = [pending[0]];
      open++;
    }
  }
  return open;
}

/** Lost writes: acknowledged saves the database does not show; extra writes: version bumps nobody made. */
export async function verify(db, slots) {
  const { versions, answers } = await readState(
    db,
    slots.map((s) => s.id),
    slots[0].tables,
  );
  let lost = 0;
  let extra = 0;
  let contentMismatch = 0;
  let acked = 0;
  let applied = 0;
  let stored = 0;
  for (const s of slots) {
    const bumps = (versions.get(s.id) ?? 1) - 1;
    const expectedBumps = s.acked + s.applied;
    acked += s.acked;
    applied += s.applied;
    stored += bumps;
    if (bumps < expectedBumps) lost += expectedBumps - bumps;
    if (bumps > expectedBumps) extra += bumps - expectedBumps;
    const got = answers.get(s.id);
    const same =
      got.size === s.expected.size &&
      [...s.expected].every(([q, v]) => JSON.stringify(got.get(q)) === JSON.stringify(v));
    if (!same) contentMismatch++;
  }
  const badAnswers = slots.reduce((n, s) => n + s.badAnswers, 0);
  const orphansApplied = slots.reduce((n, s) => n + s.orphansApplied, 0);
  return {
    acked,
    applied,
    orphansApplied,
    stored,
    lost,
    extra,
    contentMismatch,
    badAnswers,
    assessments: slots.length,
  };
}
