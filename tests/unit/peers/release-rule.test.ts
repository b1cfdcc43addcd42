import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { cellKey, ReleaseModel, type TCellKey, type TContribution } from "../../../lib/peers/release-rule";

// docs/adr/0005-peer-privacy.md: between any two reads, each cell either shows the same members or its
// members differ in at least k municipalities, so no difference of two published views isolates fewer
// than k. Driven by random sequences of submissions, re-submissions, deletions and reads over several cells.

const K = 5;
const CELLS = [
  ["DE-SN", "lt_5000"],
  ["DE-SN", "5000_19999"],
  ["DE-BY", "lt_5000"],
] as const;

type TOp =
  { kind: "submit"; m: number; cell: number; answer: number } | { kind: "delete"; m: number } | { kind: "read" };

const op: fc.Arbitrary<TOp> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("submit" as const), m: fc.nat(14), cell: fc.nat(2), answer: fc.nat(2) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), m: fc.nat(14) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("read" as const) }) },
);

/** Municipalities whose contribution differs between two reads of one cell (joined, left or changed). */
function changedBetween(a: Map<string, TContribution> | undefined, b: Map<string, TContribution> | undefined) {
  const keys = new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])]);
  return [...keys].filter((key) => JSON.stringify(a?.get(key) ?? null) !== JSON.stringify(b?.get(key) ?? null)).length;
}

/** The model's non-empty pending sets. */
const pendingOf = (model: ReleaseModel) => new Map([...model.pending].filter(([, set]) => set.size > 0));

describe("the release rule (ReleaseModel)", () => {
  test("no two reads differ in a cell by fewer than k municipalities", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 200 }), (ops) => {
        const model = new ReleaseModel(K);
        const reads: Map<TCellKey, Map<string, TContribution>>[] = [];
        let clock = 0;
        for (const o of ops) {
          expect(pendingOf(model)).toEqual(model.netChanges());
          if (o.kind === "read") reads.push(model.read());
          else if (o.kind === "delete") model.change(`m${o.m}`, null);
          else {
            const [state, sizeClass] = CELLS[o.cell]!;
            clock += 1;
            model.change(`m${o.m}`, {
              assessmentId: `m${o.m}-a${o.answer}-${clock}`,
              state,
              sizeClass,
              submittedAt: new Date(clock * 1000).toISOString(),
            });
          }
        }
        reads.push(model.read());
        for (let i = 0; i < reads.length; i += 1)
          for (let j = i + 1; j < reads.length; j += 1)
            for (const [state, sizeClass] of CELLS) {
              const cell = cellKey(state, sizeClass);
              const n = changedBetween(reads[i]!.get(cell), reads[j]!.get(cell));
              expect(n === 0 || n >= K, `cell ${cell}, reads ${i} and ${j}: ${n} municipalities differ`).toBe(true);
            }
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });

  test("five submissions make a release; a sixth does not; changing and changing back is no change", () => {
    const model = new ReleaseModel(K);
    const c = (m: number, v = 1): TContribution => ({
      assessmentId: `a${m}-${v}`,
      state: "DE-SN",
      sizeClass: "lt_5000",
      submittedAt: `2026-12-0${v}T00:00:00.000Z`,
    });
    for (let m = 0; m < 4; m += 1) expect(model.change(`m${m}`, c(m))).toEqual([]);
    expect(model.read().size).toBe(0);
    expect(model.change("m4", c(4))).toEqual(["DE-SN|lt_5000"]);
    expect(model.read().get("DE-SN|lt_5000")!.size).toBe(5);
    expect(model.change("m5", c(5))).toEqual([]);
    // Four municipalities withdraw and submit their released contribution again: no net change.
    for (let m = 0; m < 4; m += 1) {
      model.change(`m${m}`, null);
      model.change(`m${m}`, c(m));
    }
    expect(model.pending.get("DE-SN|lt_5000")!.size).toBe(1);
    expect(model.sequence.get("DE-SN|lt_5000")).toBe(1);
  });

  test("a municipality that joins a cell and leaves it before a release is no pending change there", () => {
    const model = new ReleaseModel(K);
    const c = (m: number, state: string, v = 1): TContribution => ({
      assessmentId: `a${m}-${v}`,
      state,
      sizeClass: "lt_5000",
      submittedAt: `2026-12-0${v}T00:00:00.000Z`,
    });
    for (let m = 0; m < 5; m += 1) model.change(`m${m}`, c(m, "DE-SN"));
    expect(model.sequence.get("DE-SN|lt_5000")).toBe(1);
    // m9 submits in Saxony, then corrects its state before the next release.
    model.change("m9", c(9, "DE-SN"));
    model.change("m9", c(9, "DE-BY", 2));
    expect(model.pending.get("DE-SN|lt_5000")!.size).toBe(0);
    // Four real changes in Saxony are not enough for a release: they alone would be revealed.
    for (let m = 0; m < 4; m += 1) expect(model.change(`m${m}`, c(m, "DE-SN", 3))).toEqual([]);
    expect(model.sequence.get("DE-SN|lt_5000")).toBe(1);
    expect(model.change("m4", c(4, "DE-SN", 3))).toEqual(["DE-SN|lt_5000"]);
  });
});
