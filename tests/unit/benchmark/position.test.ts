import { describe, expect, test } from "vitest";
import { computePosition } from "@/lib/benchmark/position";
import { reference } from "@/lib/survey/reference";
import { MULTI, ORDINAL, highestRanked, lowestRanked, mutableReference, nonExclusive, question } from "./helpers";

/**
 * "ahead" = sum of the shares of the options with a strictly lower rank; unranked options never
 * count as lower; the denominator is all municipalities (so no renormalisation); null for
 * non-ordinal questions and for unranked answers.
 */

const sumLower = (qid: string, rank: number) =>
  question(qid)
    .options.filter((o) => typeof o.rank === "number" && o.rank < rank)
    .reduce((s, o) => s + (o.share ?? 0), 0);

describe("both ends of every ordinal scale", () => {
  test.each(ORDINAL.map((q) => ({ q: q.id, o: lowestRanked(q).id })))("$q: lowest answer $o → ahead 0", ({ q, o }) => {
    expect(computePosition(question(q), o).ahead).toBe(0);
  });

  test.each(
    ORDINAL.map((q) => ({ q: q.id, o: highestRanked(q).id, expected: sumLower(q.id, highestRanked(q).rank!) })),
  )("$q: highest answer $o → ahead $expected (all lower ranks)", ({ q, o, expected }) => {
    expect(computePosition(question(q), o).ahead).toBe(expected);
  });

  test.each([
    // hand-written from the published shares
    ["staff_digital_skills", "about_half", 51], // 4 + 47 (the example)
    ["staff_digital_skills", "almost_all", 92], // 4 + 47 + 20 + 21; "weiß nicht" (2) is not lower
    ["staff_digital_skills", "few", 4],
    ["e_file", "in_use", 84], // 61 + 23
    ["e_file", "planned", 23],
    ["digital_strategy", "central", 89], // 20 + 23 + 33 + 13; "weiß nicht" (3) is not lower
    ["digital_strategy", "developing_central", 43], // 20 + 23
    ["own_position", "pioneer", 68], // 7 + 61
    ["budget_2021", "increase", 35], // 1 + 34
    ["home_office_today", "offered", 50],
    ["home_office_future", "more", 47], // 37 + 10; "noch offen" (12) is not lower
    ["e_invoice", "in_use", 80], // 64 + 16
    ["citizen_app", "in_use", 88], // 56 + 32
  ] as const)("%s = %s → ahead %d", (q, a, ahead) => {
    expect(computePosition(question(q), a).ahead).toBe(ahead);
  });

  test("unranked options stay in the denominator: ahead of the best answer < 100 where a „weiß nicht“ exists", () => {
    for (const q of ORDINAL) {
      const unrankedShare = q.options.filter((o) => o.rank === null).reduce((s, o) => s + (o.share ?? 0), 0);
      const top = computePosition(q, highestRanked(q).id).ahead!;
      expect(top + (highestRanked(q).share ?? 0) + unrankedShare, q.id).toBeCloseTo(
        q.options.reduce((s, o) => s + (o.share ?? 0), 0),
        9,
      );
    }
  });

  test("ahead rises monotonically with the rank", () => {
    for (const q of ORDINAL) {
      const byRank = q.options.filter((o) => typeof o.rank === "number").sort((a, b) => a.rank! - b.rank!);
      const aheads = byRank.map((o) => computePosition(q, o.id).ahead!);
      expect(
        [...aheads].sort((a, b) => a - b),
        q.id,
      ).toEqual(aheads);
    }
  });
});

describe("null positions", () => {
  const unranked = ORDINAL.flatMap((q) => q.options.filter((o) => o.rank === null).map((o) => ({ q: q.id, o: o.id })));
  test.each(unranked)("unranked answer $q = $o → null", ({ q, o }) => {
    expect(computePosition(question(q), o)).toMatchObject({ ahead: null, derived: false });
  });

  test.each(MULTI.map((q) => ({ q: q.id, a: nonExclusive(q).map((o) => o.id) })))("multi $q → null", ({ q, a }) => {
    expect(computePosition(question(q), a).ahead).toBeNull();
  });

  const nonOrdinalSingle = reference.questions.filter((q) => q.type === "single" && !q.ordinal);
  test.each(nonOrdinalSingle.map((q) => ({ q: q.id, o: q.options[0]!.id })))(
    "non-ordinal single $q → null",
    ({ q, o }) => {
      expect(computePosition(question(q), o).ahead).toBeNull();
    },
  );

  test("an unknown option id → null", () => {
    expect(computePosition(question("e_file"), "bogus").ahead).toBeNull();
  });
});

describe("derived flag", () => {
  test.each([
    ["e_file", "in_use", true], // the derived remainder "neither" (23) enters the sum
    ["e_file", "planned", true], // the derived remainder "neither" (23) enters the sum
    ["online_portal", "in_use", true],
    ["staff_digital_skills", "about_half", false], // 4 + 47, both published
    ["digital_strategy", "central", false], // all lower ranks published; unranked "weiß nicht" does not enter
    ["home_office_future", "more", false], // 37 + 10 published; "noch offen" (derived) does not enter
    ["own_position", "pioneer", false],
    ["budget_2021", "increase", false],
    ["digital_strategy", "none_no_topic", false], // nothing lower, own published
  ] as const)("%s = %s → derived %s", (q, a, derived) => {
    expect(computePosition(question(q), a).derived).toBe(derived);
  });

  test("a derived share that becomes published in a copy no longer flags the position", () => {
    const copy = mutableReference();
    question("e_file", copy).options.find((o) => o.id === "neither")!.published = true;
    expect(computePosition(question("e_file", copy), "in_use")).toMatchObject({ ahead: 84, derived: false });
  });

  test("ahead uses the shares as given (a changed lower share changes ahead)", () => {
    const copy = mutableReference();
    question("e_file", copy).options.find((o) => o.id === "neither")!.share = 13;
    expect(computePosition(question("e_file", copy), "in_use").ahead).toBe(74);
  });
});

describe("same", () => {
  test.each([
    ["e_file", "in_use", 16],
    ["staff_digital_skills", "about_half", 20],
  ] as const)("%s = %s → same %d", (q, a, same) => {
    expect(computePosition(question(q), a).same).toBe(same);
  });
});
