import { describe, expect, test } from "vitest";
import { getQuestion } from "../../../lib/survey/reference";
import {
  compareAnswers,
  SKIP,
  sortByDisagreement,
  spreadOfQuestion,
  type TQuestionSpread,
  type TRespondent,
} from "../../../lib/benchmark/disagreement";

const q = (id: string) => getQuestion(id)!;
const mayor: TRespondent = { id: "m", role: "mayor" };
const digital: TRespondent = { id: "d", role: "digital" };
const it: TRespondent = { id: "i", role: "it" };
const finance: TRespondent = { id: "f", role: "finance" };
const lead: TRespondent = { id: "lead", role: "lead", own: true };

describe("spreadOfQuestion", () => {
  test("E-Akte: 2 × Im Einsatz (Digitalisierung, IT), 1 × Geplant (Bürgermeisterin); the Kämmerei skipped", () => {
    // e_file ranks: neither 0, planned 1, in_use 2 → scale 0…2; given ranks 2, 2, 1 → distance 1, spread 1/2.
    const s = spreadOfQuestion(q("e_file"), [
      { respondent: mayor, value: "planned" },
      { respondent: digital, value: "in_use" },
      { respondent: it, value: "in_use" },
      { respondent: finance, value: SKIP },
    ]);
    expect(s.groups.map((g) => [g.value, g.respondents.map((r) => r.role)])).toEqual([
      ["in_use", ["digital", "it"]],
      ["planned", ["mayor"]],
    ]);
    expect(s.skipped).toEqual([finance]);
    expect(s.answered).toBe(3);
    expect(s.disputed).toBe(true);
    expect(s.distance).toBe(1);
    expect(s.scaleMax).toBe(2);
    expect(s.spread).toBe(0.5);
    // 1 of 3 answers outside the largest group.
    expect(s.dissent).toBeCloseTo(1 / 3, 10);
    expect(s.mostFrequent).toBe("in_use");
  });

  test("all agree: not disputed, distance 0, dissent 0; skipped and open answers never make a dispute", () => {
    const s = spreadOfQuestion(q("e_file"), [
      { respondent: mayor, value: "in_use" },
      { respondent: digital, value: SKIP },
      { respondent: it, value: null },
      { respondent: lead, value: "in_use" },
    ]);
    expect(s.disputed).toBe(false);
    expect(s.distance).toBe(0);
    expect(s.dissent).toBe(0);
    expect(s.spread).toBe(0);
    expect(s.open).toEqual([it]);
    expect(s.mostFrequent).toBe("in_use");
  });

  test("ordinal with 'Weiß nicht': the unranked answer disputes but adds no distance", () => {
    // digital_strategy ranks 0…4; "unknown" has none. Given: central (4), none_no_topic (0), unknown.
    const s = spreadOfQuestion(q("digital_strategy"), [
      { respondent: mayor, value: "central" },
      { respondent: digital, value: "none_no_topic" },
      { respondent: it, value: "unknown" },
    ]);
    expect(s.disputed).toBe(true);
    expect(s.distance).toBe(4);
    expect(s.scaleMax).toBe(4);
    expect(s.spread).toBe(1);
    // Three groups of one: a tie, so no most frequent answer.
    expect(s.mostFrequent).toBeNull();
    expect(s.dissent).toBeCloseTo(2 / 3, 10);

    const onlyUnknown = spreadOfQuestion(q("digital_strategy"), [
      { respondent: mayor, value: "sectoral" },
      { respondent: digital, value: "unknown" },
    ]);
    expect(onlyUnknown.disputed).toBe(true);
    expect(onlyUnknown.distance).toBe(0);
    expect(onlyUnknown.spread).toBe(0);
    expect(onlyUnknown.dissent).toBe(0.5);
  });

  test("multi-choice: the same options in another order are the same answer; spread is the dissent", () => {
    // obstacles: [lack_of_funds, lack_of_knowhow] twice (order differs), [other] once → groups 2 and 1.
    const s = spreadOfQuestion(q("obstacles"), [
      { respondent: mayor, value: ["lack_of_knowhow", "lack_of_funds"] },
      { respondent: digital, value: ["lack_of_funds", "lack_of_knowhow"] },
      { respondent: it, value: ["other"] },
    ]);
    expect(s.groups.map((g) => g.value)).toEqual([["lack_of_funds", "lack_of_knowhow"], ["other"]]);
    expect(s.distance).toBeNull();
    expect(s.disputed).toBe(true);
    expect(s.spread).toBeCloseTo(1 / 3, 10);
    expect(s.mostFrequent).toEqual(["lack_of_funds", "lack_of_knowhow"]);
  });

  test("a non-ordinal single choice: 2 × chance, 2 × risk is a tie with dissent 1/2", () => {
    const s = spreadOfQuestion(q("chance_or_risk"), [
      { respondent: mayor, value: "risk" },
      { respondent: digital, value: "chance" },
      { respondent: it, value: "chance" },
      { respondent: finance, value: "risk" },
    ]);
    // Equal groups: the question's option order decides (chance before risk).
    expect(s.groups.map((g) => g.value)).toEqual(["chance", "risk"]);
    expect(s.spread).toBe(0.5);
    expect(s.mostFrequent).toBeNull();
  });

  test("nobody answered: no groups, nothing disputed", () => {
    const s = spreadOfQuestion(q("e_payment"), [{ respondent: mayor, value: SKIP }]);
    expect(s).toMatchObject({
      answered: 0,
      disputed: false,
      distance: null,
      dissent: 0,
      spread: 0,
      mostFrequent: null,
    });
  });
});

describe("sortByDisagreement and compareAnswers", () => {
  test("disputed first, then by spread, then dissent, then questionnaire order", () => {
    const s = (questionId: string, disputed: boolean, spread: number, dissent: number) =>
      ({ questionId, disputed, spread, dissent }) as TQuestionSpread;
    const order = sortByDisagreement([
      s("a", false, 0, 0),
      s("b", true, 0.5, 0.5),
      s("c", true, 1, 0.25),
      s("d", true, 0.5, 0.75),
      s("e", false, 0, 0),
    ]).map((x) => x.questionId);
    expect(order).toEqual(["c", "d", "b", "a", "e"]);
  });

  test("three colleagues and the lead: e_file (distance 2 of 2) before e_invoice (1 of 2) before the agreed ones", () => {
    const questions = ["e_invoice", "e_file", "e_payment"].map(q);
    const result = compareAnswers(questions, [
      { respondent: lead, answers: { e_invoice: "in_use", e_file: "in_use", e_payment: "planned" } },
      { respondent: mayor, answers: { e_invoice: "planned", e_file: "neither", e_payment: "planned" } },
      { respondent: digital, answers: { e_invoice: "in_use", e_file: "in_use", e_payment: SKIP } },
      { respondent: it, answers: { e_invoice: "in_use" } },
    ]);
    expect(result.map((r) => [r.questionId, r.disputed, r.spread])).toEqual([
      ["e_file", true, 1],
      ["e_invoice", true, 0.5],
      ["e_payment", false, 0],
    ]);
    // e_invoice: 3 × in_use (lead, digital, it) against 1 × planned (mayor).
    expect(result[1]!.groups.map((g) => g.respondents.length)).toEqual([3, 1]);
    expect(result[1]!.mostFrequent).toBe("in_use");
    expect(result[2]!.skipped).toEqual([digital]);
    expect(result[2]!.open).toEqual([it]);
  });
});
