// What the operator command scripts/seed-demo.mjs and the benchmarks (bench-peers, bench-chains, bench-pdf,
// bench-colleagues) share, and the loader of the app's TypeScript modules for the commands: the project root,
// migrations, the loader (jiti, "server-only" aliased to its empty export as inside Next.js), and synthetic
// submitted assessments drawn from the national 2020 shares.

import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
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

/** Moves the peer pool's version on: every cached page and peer view keyed on it is stale. */
export async function bumpPeerPoolVersion(tx) {
  const row = await tx.peerPoolVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 } },
  });
  return row.version;
}
