import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { ReleaseModel, type TPending } from "../../../lib/peers/release-rule";
import { auditViews, findDependency, PRIME, RowSpace } from "./audit/linear-audit";
import { publishedViews } from "./audit/published-views";
import {
  AUDIT_CELLS,
  demoKeys,
  historyArb,
  municipalityKeyOf,
  playHistory,
  readerView,
  type TAuditOp,
  type THistory,
} from "./audit/history";

// The auditor of docs/adr/0005-peer-privacy.md: random histories of submissions, unchanged follow-ups,
// drafts, reopenings, deletions, moves between cells, exclusions, approvals and revocations are played
// through the release rule; every view published after every release (all filters) is modelled as a linear
// function of the municipalities' contents, and no combination of them may isolate anything of one
// municipality (its contribution, the difference of two of its versions, or any other combination).
// AUDIT_HISTORIES=N (npm run test:audit -- --histories N) runs N histories per k and profile instead of the
// default; AUDIT_SCALE=s makes them s times as large.

const HISTORIES = Number(process.env.AUDIT_HISTORIES ?? 1000);
const SEED = Number(process.env.AUDIT_SEED ?? 20261207);
/** AUDIT_SCALE=s: s times as many municipalities and steps per history. */
const SCALE = Number(process.env.AUDIT_SCALE ?? 1);
/** The rule of ADR 0005 before contents counted: a release after any k changed municipalities. */
const anyKChanges = (pending: readonly TPending[], k: number) => pending.length >= k;

const stats: string[] = [];
afterAll(() => {
  if (stats.length > 0) console.log(stats.join("\n"));
});

function audit(h: THistory, k: number, known = demoKeys(h), isDue?: typeof anyKChanges) {
  const { model, moments } = playHistory(h, k, isDue);
  const published = publishedViews(moments, k);
  return { model, moments, published, ...auditViews({ ...published, known }) };
}

describe("the arithmetic of the auditor", () => {
  test("2^26 − 5 is prime, and products of residues stay exact in doubles", () => {
    for (let d = 2; d * d <= PRIME; d += 1) expect(PRIME % d, `divisor ${d}`).not.toBe(0);
    expect((PRIME - 1) * (PRIME - 1)).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  test("the row space finds a combination that isolates one unknown, and only then", () => {
    // Views x0 + x1 + x2 and x1 + x2: their difference is x0.
    const space = new RowSpace(4);
    space.add([1, 1, 1, 0]);
    space.add([0, 1, 1, 0]);
    expect([...space.residualOfUnit(0)].every((x) => x === 0)).toBe(true);
    expect([...space.residualOfUnit(1)].some((x) => x !== 0)).toBe(true);
    expect([...space.residualOfUnit(3)]).toEqual([0, 0, 0, 1]);
    expect(space.add([1, 2, 2, 0])).toBe(false);
    expect(findDependency([Int32Array.from([1, 2]), Int32Array.from([2, 4])])).toEqual([PRIME - 2, 1]);
    expect(findDependency([Int32Array.from([1, 0]), Int32Array.from([0, 1])])).toBeNull();
  });

  test("it names a contribution, a difference of two versions and a wider combination", () => {
    const unknowns = [
      { municipality: "a", content: "v1" },
      { municipality: "a", content: "v2" },
      { municipality: "b", content: "v1" },
      { municipality: "c", content: "v1" },
    ];
    // (a1 + b + c) − (a2 + b + c) = a1 − a2: a difference of a's versions; nothing about b or c alone.
    const difference = auditViews({
      unknowns,
      rows: [
        [0, 2, 3],
        [1, 2, 3],
      ],
      known: new Set(),
    });
    expect(difference.leaks).toEqual([{ municipality: "a", kind: "difference", combination: { v1: 1, v2: -1 } }]);
    // With c known, (a1 + c) reveals a1.
    const known = auditViews({ unknowns, rows: [[0, 3]], known: new Set(["c"]) });
    expect(known.leaks).toEqual([{ municipality: "a", kind: "contribution", combination: { v1: 1 } }]);
    expect(auditViews({ unknowns, rows: [[0, 2, 3]], known: new Set() }).leaks).toEqual([]);
  });
});

/** The operator's attack: 19 members of one cell, exclusions toggled in three rounds of five. */
function exclusionAttack(): THistory {
  const cell = 3; // DE-TH 5,000–19,999
  const ops: TAuditOp[] = [];
  for (let m = 0; m < 19; m += 1) ops.push({ kind: "submit", m, content: 0, cell, now: false });
  ops.push({ kind: "flush" });
  const toggle = (ms: number[]) => ms.forEach((m) => ops.push({ kind: "exclude", m, now: true }));
  toggle([0, 1, 2, 3, 4]); // −M1 … M5
  toggle([1, 2, 5, 6, 7]); // +M2 +M3 −M6 … M8
  toggle([3, 4, 5, 6, 7]); // +M4 … M8
  return { municipalities: 19, demo: 0, requireApproval: false, ops };
}

describe("what the auditor finds under the rule before contents counted (any k changes)", () => {
  test("the operator's three rounds of exclusions: the first and the last release differ by one municipality", () => {
    const old = audit(exclusionAttack(), 5, new Set(), anyKChanges);
    expect(old.model.log).toHaveLength(4);
    expect(old.leaks).toContainEqual({ municipality: "m0", kind: "contribution", combination: { c0: 1 } });
    // Under the rule of today the exclusions wait for k new contents: one release, nothing revealed.
    const now = audit(exclusionAttack(), 5, new Set());
    expect(now.model.log).toHaveLength(1);
    expect(now.leaks).toEqual([]);
  });

  test("random histories: the old rule reveals a municipality, and the auditor reports it", () => {
    const result = fc.check(
      fc.property(
        historyArb({ municipalities: 9, maxOps: 60 }),
        (h) => audit(h, 3, demoKeys(h), anyKChanges).leaks.length === 0,
      ),
      { numRuns: 2000, seed: SEED },
    );
    expect(result.failed).toBe(true);
    const found = audit(result.counterexample![0], 3, demoKeys(result.counterexample![0]), anyKChanges);
    stats.push(
      `[audit] k = 3, rule "any k changes" (ADR 0005 before): a leak after ${result.numRuns} histories; ` +
        `shrunk to ${result.counterexample![0].ops.length} steps: ${JSON.stringify(found.leaks[0])}`,
    );
  });
});

describe.each([3, 5])("the release rule at k = %i", (k) => {
  const municipalities = 4 * k * SCALE;
  const maxOps = 30 * k * SCALE;

  // Many small histories of both profiles, and fewer three times as large (more releases, a larger rank).
  test.each([
    { profile: "mixed" as const, size: 1, runs: HISTORIES },
    { profile: "busy" as const, size: 1, runs: HISTORIES },
    { profile: "busy" as const, size: 3, runs: Math.ceil(HISTORIES / 10) },
  ])(
    "no published view isolates anything of one municipality ($profile histories, size × $size)",
    ({ profile, size, runs }) => {
      const n = municipalities * size;
      const steps = maxOps * size;
      let releases = 0;
      let views = 0;
      let unknowns = 0;
      let maxRank = 0;
      let maxReleases = 0;
      let ops = 0;
      const started = performance.now();
      fc.assert(
        fc.property(historyArb({ municipalities: n, maxOps: steps, contents: 6, profile }), (h) => {
          const result = audit(h, k);
          // The invariant of the pending sets holds after the whole history.
          const pending = new Map(
            [...result.model.pending].filter(([, e]) => e.size > 0).map(([c, e]) => [c, new Set(e.keys())]),
          );
          expect(pending).toEqual(result.model.netChanges());
          expect(result.leaks).toEqual([]);
          releases += result.model.log.length;
          views += result.published.rows.length;
          unknowns += result.published.unknowns.length;
          maxRank = Math.max(maxRank, result.rank);
          maxReleases = Math.max(maxReleases, result.model.log.length);
          ops += h.ops.length;
        }),
        { numRuns: runs, seed: SEED + k + (profile === "busy" ? 1000 * size : 0) },
      );
      stats.push(
        `[audit] k = ${k}, ${profile}: ${runs} histories of ${n} municipalities in ${AUDIT_CELLS.length} cells, ` +
          `≤ ${steps} steps (mean ${(ops / runs).toFixed(1)}): ${releases} releases (at most ${maxReleases} in one), ` +
          `${views} distinct views over ${unknowns} unknowns, largest rank ${maxRank}; no leak; ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    600_000,
  );

  test(`k − 2 colluders who know their own contents learn nothing either`, () => {
    fc.assert(
      fc.property(
        historyArb({ municipalities, maxOps, contents: 6, profile: "busy" }),
        fc.shuffledSubarray(
          Array.from({ length: municipalities }, (_, m) => m),
          { minLength: k - 2, maxLength: k - 2 },
        ),
        (h, colluders) => {
          const known = new Set([...demoKeys(h), ...colluders.map(municipalityKeyOf)]);
          expect(audit(h, k, known).leaks).toEqual([]);
        },
      ),
      { numRuns: Math.ceil(HISTORIES / 4), seed: SEED + 100 + k },
    );
  }, 600_000);

  test("k − 1 colluders who change together with one municipality learn its change: the residual risk", () => {
    // 2k members released; then the victim and k − 1 colluders each submit a new content.
    const ops: TAuditOp[] = [];
    for (let m = 0; m < 2 * k; m += 1) ops.push({ kind: "submit", m, content: 0, cell: 0, now: false });
    ops.push({ kind: "flush" });
    for (let m = 0; m < k; m += 1) ops.push({ kind: "submit", m, content: 1, cell: 0, now: true });
    const h: THistory = { municipalities: 2 * k, demo: 0, requireApproval: false, ops };
    const colluders = Array.from({ length: k - 1 }, (_, i) => municipalityKeyOf(i + 1));
    const withAll = audit(h, k, new Set(colluders));
    expect(withAll.model.log).toHaveLength(2);
    expect(withAll.leaks).toEqual([{ municipality: "m0", kind: "difference", combination: { c0: 1, c1: -1 } }]);
    // One colluder fewer: the same release reveals only a sum of two unknown changes.
    expect(audit(h, k, new Set(colluders.slice(1))).leaks).toEqual([]);
  });
});

describe("the release model", () => {
  const c = (content: string, state = "DE-SN", isDemo = false) => ({ state, sizeClass: "lt_5000", content, isDemo });

  test("k new contents make a release; an unchanged re-submission is no change; returns and withdrawals wait", () => {
    const model = new ReleaseModel(5);
    for (let m = 0; m < 4; m += 1) expect(model.change(`m${m}`, c("a"))).toEqual([]);
    expect(model.change("m4", c("a"))).toEqual(["DE-SN|lt_5000"]);
    // Withdrawing and submitting the released content again: nothing pending.
    model.change("m0", null);
    model.change("m0", c("a"));
    expect(model.pending.get("DE-SN|lt_5000")!.size).toBe(0);
    // Four withdrawals and one return to an earlier content are five changes, but none is new: no release.
    for (let m = 1; m < 5; m += 1) model.change(`m${m}`, null);
    model.change("m0", c("b"));
    model.change("m0", c("a"));
    model.change("m0", c("b"));
    expect(model.sequence.get("DE-SN|lt_5000")).toBe(1);
    // m0's "b" was never released: it is new; four more new contents complete the next release.
    for (let m = 5; m < 8; m += 1) expect(model.change(`m${m}`, c("a"))).toEqual([]);
    expect(model.change("m8", c("a"))).toEqual(["DE-SN|lt_5000"]);
    expect([...model.read().get("DE-SN|lt_5000")!.keys()].sort()).toEqual(["m0", "m5", "m6", "m7", "m8"]);
  });

  test("a change of demo data alone is released at once; demo data never counts towards k", () => {
    const model = new ReleaseModel(5);
    for (let m = 0; m < 4; m += 1) model.change(`demo${m}`, c("a", "DE-SN", true), false);
    expect(model.releaseDue()).toEqual(["DE-SN|lt_5000"]);
    // A real municipality joins: four demo contents and one real would be five, but only one is new and real.
    model.change("real", c("x"));
    for (let m = 0; m < 4; m += 1) model.change(`demo${m}`, c("b", "DE-SN", true));
    expect(model.sequence.get("DE-SN|lt_5000")).toBe(1);
    expect(model.read().size).toBe(0);
  });

  test("a municipality that joins a cell and leaves it before a release is no pending change there", () => {
    const model = new ReleaseModel(5);
    for (let m = 0; m < 5; m += 1) model.change(`m${m}`, c("a"));
    model.change("m9", c("a"));
    model.change("m9", c("a", "DE-BY"));
    expect(model.pending.get("DE-SN|lt_5000")!.size).toBe(0);
    for (let m = 0; m < 4; m += 1) expect(model.change(`m${m}`, c("b"))).toEqual([]);
    expect(model.change("m4", c("b"))).toEqual(["DE-SN|lt_5000"]);
  });

  test("readerView lists every released cell with its members' contents", () => {
    const model = new ReleaseModel(3);
    for (let m = 0; m < 3; m += 1) model.change(`m${m}`, c(`v${m}`));
    expect(readerView(model)).toEqual([
      {
        state: "DE-SN",
        sizeClass: "lt_5000",
        members: new Map([
          ["m0", "v0"],
          ["m1", "v1"],
          ["m2", "v2"],
        ]),
      },
    ]);
  });
});
