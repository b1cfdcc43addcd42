#!/usr/bin/env node
// Fills the database of DATABASE_URL (default prisma/dev.db) with clearly labelled synthetic
// demo municipalities, so that a newcomer sees the peer comparison at once.
//
//   npm run seed:demo [-- --count 600 --seed 2020]   replace all demo assessments by a new set
//   npm run seed:demo -- --remove                     delete all demo assessments (and their answers)
//
// Running it twice does not duplicate: the existing demo assessments (isDemo = true) are removed
// and the new ones inserted in the same transaction. Real assessments are never touched.
//
// Demo rows are indistinguishable from real submitted assessments except for isDemo = true and
// the "Demo-" prefix of the name: status submitted, submittedAt, version, referenceId, a hashed
// random token (never printed, so nobody can edit them), indexScore, peerCurrent. They carry no
// AGS: a real key would make a real municipality look as if it had taken part, and its later
// real submissions would share the demo row's municipalityKey.
//
// The TypeScript modules, migrations and the sampled assessments come from scripts/lib/fixtures.mjs, which the
// benchmarks share.

import { pathToFileURL } from "node:url";
import { parseArgsOrExit, usageError } from "./lib/args.mjs";
import { buildSubmitted, insertBatched, loadLib, migrate, ROOT } from "./lib/fixtures.mjs";
import { createPrng } from "./lib/prng.mjs";

/**
 * The first statement of every seed transaction. SQLite starts a transaction as a reader and takes the
 * write lock at its first write; if a running app commits in between, that write fails at once with
 * "database is locked" (SQLITE_BUSY_SNAPSHOT: no waiting helps a stale snapshot). A write that changes
 * nothing takes the lock before anything is read, waiting for the app's commits (busy timeout) instead.
 * On PostgreSQL it is harmless.
 */
export async function takeWriteLock(tx) {
  await tx.$executeRawUnsafe(`UPDATE "PeerPoolVersion" SET "version" = "version" WHERE 1 = 0`);
}

/**
 * Demo data counts as verified demo data: every changed municipality enters its cell's pending changes,
 * and each cell with at least k of them is released (lib/peer-pool/refresh-peer-pool.ts). Returns the
 * pool version afterwards.
 */
async function releasePool(lib, tx) {
  await lib.refreshWholePeerPool(tx);
  return (await tx.peerPoolVersion.findUnique({ where: { id: 1 } }))?.version ?? 0;
}

/** Partial Fisher–Yates: removes and returns n random elements of `pool` (in place, O(n)). */
function drawWithoutReplacement(pool, n, random) {
  const out = [];
  for (let i = 0; i < n && pool.length > 0; i++) {
    const j = Math.floor(random() * pool.length);
    out.push(pool[j]);
    pool[j] = pool[pool.length - 1];
    pool.pop();
  }
  return out;
}

/**
 * Sampling of the demo municipalities, without replacement from the units of the official register (the
 * administrations, docs/adr/0013-administrations-as-units.md: Ämter, Verbandsgemeinden … in their real
 * proportions beside the Gemeinden that run their own administration):
 * 1. Guarantee: for every federal state, its largest state × size-class cell (by register count)
 *    gets k municipalities (k = PEER_K, at least 5), in state order. A state whose cells all have
 *    fewer than k municipalities in the register (Hamburg, Bremen, Berlin) can never be shown and
 *    gets none here.
 * 2. Then, while the budget allows, every other cell with ≥ k register municipalities also gets k,
 *    larger cells first. With the default 600 this covers all 43 such cells (215 municipalities),
 *    so every newcomer outside the city states finds a comparison group of their own size class.
 * 3. The rest of the budget is a simple random sample of the remaining register rows, so states
 *    and sizes keep roughly their real proportions (the guaranteed cells over-represent large
 *    towns; that is the price of a demo that shows every cell).
 * The PRNG (--seed) makes the sample and the answers reproducible.
 */
export function sampleDemoMunicipalities(lib, count, k, random) {
  const rows = lib.getUnits();
  const cells = new Map();
  for (const row of rows) {
    const key = `${row.state}|${row.sizeClass}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(row);
  }
  const eligible = (state) =>
    lib.SIZE_CLASSES.map((c) => cells.get(`${state}|${c.id}`) ?? []).filter((cell) => cell.length >= k);
  const largestPerState = lib.STATES.map((s) => eligible(s.code).sort((a, b) => b.length - a.length)[0]).filter(
    Boolean,
  );
  const others = lib.STATES.flatMap((s) => eligible(s.code))
    .filter((cell) => !largestPerState.includes(cell))
    .sort((a, b) => b.length - a.length);
  const chosen = [];
  const taken = new Set();
  for (const cell of [...largestPerState, ...others]) {
    if (count - chosen.length < k) break;
    const pool = [...cell];
    for (const row of drawWithoutReplacement(pool, k, random)) {
      chosen.push(row);
      taken.add(row.key);
    }
  }
  const rest = rows.filter((r) => !taken.has(r.key));
  chosen.push(...drawWithoutReplacement(rest, count - chosen.length, random));
  return { chosen, guaranteedCells: largestPerState.length + others.length, largestPerState: largestPerState.length };
}

/** --count and --seed: whole numbers, --count from 1, --seed from 0. */
function integerArg(min) {
  return (raw, flag) => {
    const v = Number(raw);
    if (!Number.isInteger(v) || v < min)
      usageError(`${flag} erwartet eine ganze Zahl${min === 1 ? " ab 1" : ""}, erhalten: ${raw ?? "nichts"}.`);
    return v;
  };
}

function parseArgs(argv) {
  return parseArgsOrExit(
    argv,
    {
      count: { type: "number", default: 600, parse: integerArg(1) },
      seed: { type: "number", default: 2020, parse: integerArg(0) },
      remove: { type: "boolean" },
    },
    { exitCode: 1, unknown: (a) => `Unbekannte Option: ${a}. Erlaubt: --count N, --seed N, --remove.` },
  ).values;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const de = (n) => n.toLocaleString("de-DE");

/** Removes every demo assessment; keys shared with real assessments get their latest-submission flag recomputed. */
async function removeDemo(lib, tx) {
  const demo = await tx.assessment.findMany({ where: { isDemo: true }, select: { municipalityKey: true } });
  if (demo.length === 0) return { assessments: 0, answers: 0 };
  const keys = [...new Set(demo.map((d) => d.municipalityKey))];
  const answers = await tx.answer.deleteMany({ where: { assessment: { isDemo: true } } });
  const removed = await tx.assessment.deleteMany({ where: { isDemo: true } });
  // Normally no real assessment shares a demo key ("Demo-…" names); if someone did type such a
  // name, its latest submission must count again.
  const shared = await tx.assessment.findMany({
    where: { municipalityKey: { in: keys } },
    select: { municipalityKey: true },
    distinct: ["municipalityKey"],
  });
  for (const { municipalityKey } of shared) await lib.refreshPeerPool(tx, municipalityKey);
  return { assessments: removed.count, answers: answers.count };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // migrate.mjs, the register and relative DATABASE_URLs all resolve against the project root.
  process.chdir(ROOT);
  console.log(migrate());
  const lib = await loadLib();
  const { db } = lib;
  const started = performance.now();
  try {
    if (opts.remove) {
      const result = await db.$transaction(async (tx) => {
        await takeWriteLock(tx);
        const removed = await removeDemo(lib, tx);
        const version = removed.assessments > 0 ? await releasePool(lib, tx) : null;
        return { ...removed, version };
      });
      if (result.assessments === 0)
        console.log("Keine Demo-Kommunen vorhanden; nichts entfernt (Peer-Pool-Version unverändert).");
      else
        console.log(
          `Demo-Daten entfernt: ${de(result.assessments)} Demo-Kommunen mit ${de(result.answers)} Antwortzeilen. Peer-Pool-Version jetzt ${result.version}.`,
        );
      return;
    }

    const units = lib.getUnits();
    if (opts.count > units.length)
      fail(`--count darf höchstens ${de(units.length)} sein (Verwaltungen im Gemeindeverzeichnis).`);
    const k = Math.max(lib.K_MIN, lib.getEnv().PEER_K);
    const random = createPrng(opts.seed);
    const { chosen } = sampleDemoMunicipalities(lib, opts.count, k, random);

    // Names "Demo-<short name>". Homonyms in one state (several "Neuhof" in Hessen) would share a
    // municipalityKey, and then only one of them would count: those get the Kreis, or a number.
    const realKeys = new Set(
      (
        await db.assessment.findMany({
          where: { isDemo: false },
          select: { municipalityKey: true },
          distinct: ["municipalityKey"],
        })
      ).map((r) => r.municipalityKey),
    );
    const usedKeys = new Set(realKeys);
    const municipalities = chosen.map((row) => {
      for (let n = 0; ; n++) {
        const name =
          n === 0
            ? `Demo-${row.nameShort}`
            : n === 1
              ? `Demo-${row.nameShort} (${row.kreis})`
              : `Demo-${row.nameShort} (${row.kreis}) ${n}`;
        const key = lib.municipalityKey({ name, state: row.state });
        if (!usedKeys.has(key)) {
          usedKeys.add(key);
          return {
            name,
            key,
            state: row.state,
            population: row.population,
            sizeClass: row.sizeClass,
            ags: null,
            unitKind: row.kind,
            unitKey: null,
            memberCount: row.memberCount,
            isDemo: true,
          };
        }
      }
    });

    // Submission dates spread over the last 90 days.
    const now = Date.now();
    const built = municipalities.map((m) =>
      buildSubmitted(lib, random, m, new Date(now - Math.round(random() * 90 * 86_400_000))),
    );
    const assessments = built.map((b) => b.row);
    const answers = built.flatMap((b) => b.answers);

    const result = await db.$transaction(
      async (tx) => {
        await takeWriteLock(tx);
        const removed = await removeDemo(lib, tx);
        await insertBatched(tx, assessments, answers);
        return { removed, version: await releasePool(lib, tx) };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    // Summary: cells with at least k demo municipalities, per state.
    const perCell = new Map();
    for (const m of municipalities)
      perCell.set(`${m.state}|${m.sizeClass}`, (perCell.get(`${m.state}|${m.sizeClass}`) ?? 0) + 1);
    const possible = lib.STATES.flatMap((s) =>
      lib.SIZE_CLASSES.filter((c) => lib.countUnits(s.code, c.id) >= k).map((c) => `${s.code}|${c.id}`),
    );
    const shown = possible.filter((key) => (perCell.get(key) ?? 0) >= k);

    if (result.removed.assessments > 0)
      console.log(`Vorhandene Demo-Daten ersetzt: ${de(result.removed.assessments)} Demo-Kommunen entfernt.`);
    console.log(
      `Demo-Daten angelegt: ${de(assessments.length)} Demo-Kommunen mit ${de(answers.length)} Antwortzeilen (Seed ${opts.seed}, ${seconds} s). Peer-Pool-Version jetzt ${result.version}.`,
    );
    console.log(
      `Zellen (Land × Größenklasse) mit mindestens ${k} Demo-Kommunen: ${shown.length} von ${possible.length} möglichen.`,
    );
    console.log("");
    console.log(`  ${"Land".padEnd(24)} ${"Demo".padStart(5)}  Zellen ≥ ${k}   Vergleich Land`);
    for (const s of lib.STATES) {
      const n = municipalities.filter((m) => m.state === s.code).length;
      const cellsOk = lib.SIZE_CLASSES.filter((c) => (perCell.get(`${s.code}|${c.id}`) ?? 0) >= k).length;
      const cellsPossible = lib.SIZE_CLASSES.filter((c) => lib.countUnits(s.code, c.id) >= k).length;
      const view = await lib.getPeerView({ state: s.code });
      const shownText = !view.ok
        ? "Fehler"
        : view.value.suppressed
          ? "ausgeblendet (zu wenige)"
          : `${de(view.value.count)} Kommunen`;
      console.log(
        `  ${s.name.padEnd(24)} ${String(n).padStart(5)}  ${`${cellsOk} von ${cellsPossible}`.padEnd(10)}   ${shownText}`,
      );
    }
    const all = await lib.getPeerView({});
    if (all.ok)
      console.log(
        `\nVergleich Deutschland (getPeerView): ${all.value.suppressed ? "ausgeblendet" : `${de(all.value.count)} Kommunen, Index-Median ${all.value.index?.median}`}`,
      );
    console.log("Entfernen mit: npm run seed:demo -- --remove");
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Exit at once when done: on PostgreSQL the driver's pool would otherwise keep the process alive for
  // its idle timeout (10 s) after the work is finished.
  main()
    .then(() => process.exit(process.exitCode ?? 0))
    .catch((error) => {
      console.error(`Demo-Daten konnten nicht angelegt werden: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    });
}
