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
// The TypeScript modules are loaded with jiti, "server-only" aliased to its empty export (as in
// scripts/bench-register.mjs). scripts/bench-peers.mjs imports the sampling helpers from here.

import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createJiti } from "jiti";
import { parseArgsOrExit, usageError } from "./lib/args.mjs";
import { createPrng } from "./lib/prng.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Runs scripts/migrate.mjs for the given environment (it resolves paths against the project root). */
export function migrate(env = process.env) {
  const result = spawnSync(process.execPath, [join(ROOT, "scripts", "migrate.mjs")], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr || result.stdout || "");
    throw new Error(`Migration fehlgeschlagen (Exit-Code ${result.status}).`);
  }
  return result.stdout.trim();
}

/**
 * Loads the app's TypeScript modules. Call only after process.env.DATABASE_URL is final:
 * lib/env.ts reads it once, on first use. `extra`: more modules (paths from the root) whose exports are
 * added, loaded by the same loader so that every module shares one database client.
 */
export async function loadLib(extra = []) {
  const jiti = createJiti(import.meta.url, {
    alias: { "server-only": join(dirname(require.resolve("server-only")), "empty.js"), "@/": `${ROOT}/` },
    fsCache: false,
  });
  const load = (p) => jiti.import(join(ROOT, p));
  const [
    client,
    reference,
    scoring,
    answerSchema,
    key,
    token,
    register,
    states,
    sizeClass,
    env,
    profile,
    aggregate,
    peerView,
    benchmark,
    refresh,
    peerCells,
    directQueries,
    content,
  ] = await Promise.all([
    load("lib/db/client.ts"),
    load("lib/survey/reference.ts"),
    load("lib/benchmark/scoring.ts"),
    load("lib/survey/answer-schema.ts"),
    load("lib/peers/municipality-key.ts"),
    load("lib/security/token.ts"),
    load("lib/municipalities/register.ts"),
    load("lib/profile/states.ts"),
    load("lib/profile/size-class.ts"),
    load("lib/env.ts"),
    load("lib/profile/profile-schema.ts"),
    load("lib/peers/aggregate.ts"),
    load("lib/peer-pool/get-peer-view.ts"),
    load("lib/assessment/get-benchmark.ts"),
    load("lib/peer-pool/refresh-peer-pool.ts"),
    load("lib/peer-pool/peer-cells.ts"),
    load("lib/db/direct-queries.ts"),
    load("lib/peers/content.ts"),
  ]);
  const more = Object.assign({}, ...(await Promise.all(extra.map(load))));
  return {
    ...more,
    db: client.db,
    reference: reference.reference,
    REFERENCE_ID: reference.REFERENCE_ID,
    STEPS: reference.STEPS,
    computeIndex: scoring.computeIndex,
    findUnanswered: answerSchema.findUnanswered,
    municipalityKey: key.municipalityKey,
    generateToken: token.generateToken,
    hashToken: token.hashToken,
    getRegister: register.getRegister,
    getUnits: register.getUnits,
    countUnits: register.countUnits,
    STATES: states.STATES,
    SIZE_CLASSES: sizeClass.SIZE_CLASSES,
    getEnv: env.getEnv,
    RESPONDENT_ROLES: profile.RESPONDENT_ROLES,
    K_MIN: aggregate.K_MIN,
    getPeerView: peerView.getPeerView,
    getBenchmark: benchmark.getBenchmark,
    refreshPeerPool: refresh.refreshPeerPool,
    refreshWholePeerPool: refresh.refreshWholePeerPool,
    releaseCell: refresh.releaseCell,
    readPeerPoolVersion: directQueries.readPeerPoolVersion,
    loadPeerCells: peerCells.loadPeerCells,
    contentHash: content.contentHash,
  };
}

/**
 * One answer set drawn from the national 2020 shares, questions independent of each other:
 * - single choice: categorical over the options that have a share (shares normalised to sum 1);
 * - multi choice: each non-exclusive option with a share independently with probability share/100;
 *   if none was drawn, the exclusive option ("Nichts davon") if the question has one, else its
 *   most common option.
 */
export function sampleAnswers(reference, random) {
  const answers = {};
  for (const q of reference.questions) {
    if (q.type === "single") {
      const weighted = q.options.filter((o) => o.share != null && o.share > 0);
      const total = weighted.reduce((s, o) => s + o.share, 0);
      let r = random() * total;
      let chosen = weighted[weighted.length - 1].id;
      for (const o of weighted) {
        if (r < o.share) {
          chosen = o.id;
          break;
        }
        r -= o.share;
      }
      answers[q.id] = chosen;
    } else {
      const chosen = q.options
        .filter((o) => !o.exclusive && o.share != null && random() < o.share / 100)
        .map((o) => o.id);
      if (chosen.length === 0) {
        const exclusive = q.options.find((o) => o.exclusive);
        const common = q.options.reduce((best, o) => ((o.share ?? -1) > (best.share ?? -1) ? o : best));
        chosen.push((exclusive ?? common).id);
      }
      answers[q.id] = chosen;
    }
  }
  return answers;
}

/** Answer table rows: one per chosen option. */
export function answerRows(assessmentId, answers) {
  const rows = [];
  for (const [questionId, value] of Object.entries(answers)) {
    for (const optionId of Array.isArray(value) ? value : [value]) rows.push({ assessmentId, questionId, optionId });
  }
  return rows;
}

/**
 * A complete submitted assessment (row + answer rows) as submitAssessment leaves it. The token is
 * returned for callers that need to open it (the benchmark); the seed discards it.
 */
export function buildSubmitted(lib, random, m, submittedAt) {
  const answers = sampleAnswers(lib.reference, random);
  const unanswered = lib.findUnanswered(answers);
  if (unanswered.length > 0) throw new Error(`sampled answer set is incomplete: ${unanswered.join(", ")}`);
  const id = randomUUID();
  const token = lib.generateToken();
  // A real assessment starts at version 1, each accepted save adds 1 (at least one per step), submit adds 1.
  const saves = lib.STEPS.length + Math.floor(random() * lib.STEPS.length);
  const createdAt = new Date(submittedAt.getTime() - Math.round((10 + random() * 60 * 24 * 3) * 60_000));
  const rows = answerRows(id, answers);
  const indexScore = lib.computeIndex(lib.reference, answers).score;
  return {
    token,
    row: {
      id,
      chainId: id,
      tokenHash: lib.hashToken(token),
      status: "submitted",
      version: 1 + saves + 1,
      referenceId: lib.REFERENCE_ID,
      municipalityName: m.name,
      state: m.state,
      population: m.population,
      sizeClass: m.sizeClass,
      ags: m.ags ?? null,
      agsGebietsstand: m.agsGebietsstand ?? null,
      unitKind: m.unitKind ?? "gemeinde",
      unitKey: m.unitKey ?? m.ags ?? null,
      memberCount: m.memberCount ?? 1,
      respondentRole: lib.RESPONDENT_ROLES[Math.floor(random() * lib.RESPONDENT_ROLES.length)].id,
      municipalityKey: m.key,
      peerCurrent: m.peerCurrent ?? true,
      indexScore,
      contentHash: lib.contentHash({ referenceId: lib.REFERENCE_ID, answers: rows, indexScore }),
      isDemo: m.isDemo ?? false,
      excludedFromPeers: false,
      createdAt,
      updatedAt: submittedAt,
      submittedAt,
    },
    answers: rows,
  };
}

/** createMany in batches (SQLite allows 32,766 bound parameters per statement). */
export async function insertBatched(tx, assessments, answers) {
  for (let i = 0; i < assessments.length; i += 500)
    await tx.assessment.createMany({ data: assessments.slice(i, i + 500) });
  for (let i = 0; i < answers.length; i += 5000) await tx.answer.createMany({ data: answers.slice(i, i + 5000) });
}

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

export async function bumpPeerPoolVersion(tx) {
  const row = await tx.peerPoolVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 } },
  });
  return row.version;
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
