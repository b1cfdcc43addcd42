import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEasyLanguage, EASY_LIMITS, sentencesOf, wordsOf } from "@/lib/easy-language/check";
import { EASY_ACCESSIBILITY, easyPage, sectionBlocks, type TEasySection } from "@/lib/easy-language/content";
import { EASY_QUESTIONS } from "@/lib/easy-language/question-texts";
import { buildEasyResult } from "@/lib/easy-language/easy-result";
import { computeBenchmark } from "@/lib/benchmark/compute-benchmark";
import { reference } from "@/lib/survey/reference";
import type { TAnswerValue } from "@/lib/survey/answer-schema";
import { EASY_PAGE_HEADINGS } from "../../support/easy-language";
import { CONTEXT, highestRanked, lowestRanked, SCORED, type TAnswerSet } from "../benchmark/helpers";

/** Prints the figures the closing note quotes, and fails with every broken rule listed. */
function expectEasy(label: string, blocks: string[]) {
  const c = checkEasyLanguage(blocks);
  console.log(
    `[leichte sprache] ${label}: ${c.sentences} sentences, average ${c.averageWords.toFixed(1)} words, longest ${c.longest?.words ?? 0}`,
  );
  expect(c.problems, label).toEqual([]);
  expect(c.sentences, label).toBeGreaterThan(0);
  return c;
}

function easyResult(answers: TAnswerSet, status: "draft" | "submitted" = "submitted") {
  const benchmark = computeBenchmark(reference, { answers });
  return { benchmark, sections: buildEasyResult({ ref: reference, benchmark, status }) };
}

const section = (sections: TEasySection[], id: string) => sections.find((s) => s.id === id)!;
const pointsOf = (s: TEasySection) => s.blocks.flatMap((b) => (b.kind === "points" ? b.items : []));

describe("the checker", () => {
  it("splits sentences at . ! ? but not inside an e-mail or web address", () => {
    expect(sentencesOf("Das ist gut. Schreiben Sie an info@stadt.de! Geht das? Ja")).toEqual([
      "Das ist gut.",
      "Schreiben Sie an info@stadt.de!",
      "Geht das?",
      "Ja",
    ]);
    expect(wordsOf("Der Digital-Check ist eine Internet-Seite – für Kommunen.")).toHaveLength(7);
    // A line break ends a unit too: a point's title on its own line is not part of the next sentence.
    expect(sentencesOf("Akten am Computer\nIhre Verwaltung führt die Akten schon am Computer.")).toEqual([
      "Akten am Computer",
      "Ihre Verwaltung führt die Akten schon am Computer.",
    ]);
  });

  it("finds a sentence over 15 words, an average over 10, abbreviations, percent signs and unsplit compounds", () => {
    const long = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn.";
    expect(checkEasyLanguage([long]).problems.join("\n")).toMatch(/sentence of 16 words/);
    expect(checkEasyLanguage([long]).problems.join("\n")).toMatch(/average sentence length 16\.0/);
    const eleven = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf.";
    expect(checkEasyLanguage([eleven]).problems).toEqual([`average sentence length 11.0 words > 10`]);
    for (const a of ["z. B.", "bzw.", "ggf.", "usw.", "d. h.", "ca."])
      expect(checkEasyLanguage([`Das ist ${a} gut.`]).problems, a).toContain(`abbreviation "${a}"`);
    expect(checkEasyLanguage(["Das sind 16 % der Kommunen."]).problems.join()).toMatch(/percent/);
    expect(checkEasyLanguage(["Der Digitalcheck ist gut."]).problems).toEqual([
      '"Digitalcheck": write "Digital-Check"',
    ]);
    expect(checkEasyLanguage(["Die Datenschutzerklärung ist lang."]).problems.join()).toMatch(/Daten-Schutz/);
    expect(checkEasyLanguage(["Der Digital-Check ist gut. Der Daten-Schutz auch."]).problems).toEqual([]);
  });

  it("keeps the limits of the issue", () => {
    expect(EASY_LIMITS).toEqual({ averageWords: 10, maxWords: 15 });
  });
});

describe("the fixed texts in Leichter Sprache", () => {
  it("the page /leichte-sprache keeps the rules", () => {
    for (const verifiedPeers of [true, false]) {
      const page = easyPage({ verifiedPeers });
      expectEasy(`/leichte-sprache (PEERS_MODE=${verifiedPeers ? "verified" : "open"})`, [
        page.title,
        ...page.intro,
        ...sectionBlocks(page.sections),
      ]);
    }
    // Only where only confirmed municipalities count does the page say so.
    const text = (verifiedPeers: boolean) => sectionBlocks(easyPage({ verifiedPeers }).sections).join(" ");
    expect(text(true)).toContain("Im Vergleich zählen nur Kommunen mit einem Teilnahme-Code.");
    expect(text(false)).not.toContain("Im Vergleich zählen nur");
  });

  it("explains what the Digital-Check is, the steps, the data, the navigation, barriers and sign language", () => {
    const EASY_PAGE = easyPage({ verifiedPeers: true });
    const headings = EASY_PAGE.sections.map((s) => s.heading);
    expect(headings).toEqual(expect.arrayContaining([...EASY_PAGE_HEADINGS]));
    const barrier = EASY_PAGE.sections.find((s) => s.id === "barriere-melden")!;
    expect(barrier.blocks.some((b) => b.kind === "contact")).toBe(true);
    expect(sectionBlocks([barrier]).join(" ")).toContain("innerhalb von 1 Monat");
  });

  it("the core of the accessibility statement keeps the rules and names the answer time, the Schlichtungs-Stelle and the missing videos", () => {
    expectEasy("/barrierefreiheit (Leichte Sprache)", sectionBlocks(EASY_ACCESSIBILITY));
    const text = sectionBlocks(EASY_ACCESSIBILITY).join(" ");
    expect(text).toContain("innerhalb von 1 Monat");
    expect(text).toContain("Schlichtungs-Stelle");
    expect(text).toContain("Videos in Deutscher Gebärden-Sprache");
  });
});

describe("the texts for each question", () => {
  it("exist for every scored question, every answer and every recommendation of the reference", () => {
    for (const q of SCORED) {
      const t = EASY_QUESTIONS[q.id];
      expect(t, q.id).toBeDefined();
      if (q.recommendation) expect(t!.step.text, `${q.id}: step`).not.toBe("");
      if (q.type === "single") {
        expect(Object.keys(t!.answers ?? {}).sort(), `${q.id}: answers`).toEqual(q.options.map((o) => o.id).sort());
      } else {
        const scorable = q.options.filter((o) => !o.exclusive && o.share !== null).map((o) => o.id);
        expect(Object.keys(t!.items?.options ?? {}).sort(), `${q.id}: items`).toEqual(scorable.sort());
      }
    }
    // No text for a question that no longer exists.
    expect(Object.keys(EASY_QUESTIONS).sort()).toEqual(SCORED.map((q) => q.id).sort());
  });

  it("every answer sentence and every step keeps the rules", () => {
    const blocks = Object.values(EASY_QUESTIONS).flatMap((t) => [
      t.name,
      ...Object.values(t.answers ?? {}),
      ...(t.items ? [t.items.none, t.items.some(Object.values(t.items.options).join(", "))] : []),
      t.step.title,
      t.step.text,
    ]);
    expectEasy("answers and steps of all questions", blocks);
  });
});

describe("the result in Leichter Sprache", () => {
  // The context questions (not scored) answered with their first option, so that a set can be complete.
  const context: TAnswerSet = Object.fromEntries(
    CONTEXT.map((q) => [q.id, q.type === "single" ? q.options[0]!.id : [q.options[0]!.id]]),
  );
  const best: TAnswerSet = Object.fromEntries(
    SCORED.map((q) => [
      q.id,
      q.type === "single" ? highestRanked(q).id : q.options.filter((o) => !o.exclusive).map((o) => o.id),
    ]),
  );
  const worst: TAnswerSet = Object.fromEntries(
    SCORED.map((q) => [
      q.id,
      q.type === "single" ? lowestRanked(q).id : q.options.filter((o) => o.exclusive).map((o) => o.id),
    ]),
  );

  it("names the level and the points of the same benchmark as the standard text", () => {
    const { benchmark, sections } = easyResult({ ...worst, e_file: "in_use", digital_strategy: "central" });
    const level = sectionBlocks([section(sections, "ergebnis-stufe")]).join(" ");
    expect(level).toContain(`Das ist die Stufe: ${benchmark.index.level!.name}.`);
    expect(level).toContain("Die Punkte und die Stufen haben wir selbst ausgerechnet.");
    // Only the context questions (no points) are open: the level cannot change any more.
    expect(level).toContain(`Es fehlen noch Antworten auf ${CONTEXT.length} Fragen. Diese Fragen geben keine Punkte.`);
    expect(level).not.toContain("Das Ergebnis kann sich darum noch ändern.");
    const strong = pointsOf(section(sections, "ergebnis-stark"));
    // The two best answers; the figure is the share of the same answer in 2020 (press release: 16 % and 8 %).
    expect(strong.map((p) => p.title).sort()).toEqual(["Akten am Computer", "Ein Plan für das Digitale"]);
    expect(strong.find((p) => p.title === "Akten am Computer")!.text).toBe(
      "Ihre Verwaltung führt die Akten schon am Computer. Im Jahr 2020 war das bei 16 von 100 Kommunen so.",
    );
    expect(strong.find((p) => p.title === "Ein Plan für das Digitale")!.text).toContain("bei 8 von 100 Kommunen");
    const weak = pointsOf(section(sections, "ergebnis-schwach"));
    expect(weak).toHaveLength(3);
    // The steps are the benchmark's recommendations, in the same order.
    const steps = pointsOf(section(sections, "ergebnis-schritte"));
    expect(steps.map((s) => s.title)).toEqual(
      benchmark.recommendations.map((r) => EASY_QUESTIONS[r.questionId]!.step.title),
    );
    expect(steps.length).toBeGreaterThan(0);
  });

  it("says how many municipalities were further for a gap, from the shares of the better answers", () => {
    const { sections } = easyResult({ ...context, ...best, e_payment: "neither" });
    const weak = pointsOf(section(sections, "ergebnis-schwach"));
    // E-Payment 2020: 16 % in use and 51 % planned, both better than "neither".
    expect(weak).toEqual([
      {
        title: "Bezahlen im Internet",
        text: "Bezahlen im Internet fehlt bei Ihrer Verwaltung. Ein Plan dafür fehlt auch noch. Im Jahr 2020 waren 67 von 100 Kommunen schon weiter.",
      },
    ]);
  });

  it("the best and the worst answers, a draft, a partial and an empty answer set all keep the rules", () => {
    const cases: [string, TAnswerSet, "draft" | "submitted"][] = [
      ["all best answers", { ...context, ...best }, "submitted"],
      ["all worst answers", { ...context, ...worst }, "submitted"],
      ["complete draft", { ...context, ...best }, "draft"],
      ["partial draft", { e_file: "planned", budget_2021: "unknown" }, "draft"],
      ["nothing answered", {}, "draft"],
    ];
    for (const [label, answers, status] of cases) {
      const { sections } = easyResult(answers, status);
      expectEasy(`result: ${label}`, sectionBlocks(sections));
    }
    expect(sectionBlocks(easyResult({}, "draft").sections).join(" ")).toContain(
      "Beantworten Sie zuerst einige Fragen.",
    );
    expect(sectionBlocks(easyResult({ ...context, ...best }, "draft").sections).join(" ")).toContain(
      "Bitte schicken Sie",
    );
  });

  it("any answer set gives at most three strengths and three gaps, every text within the rules", () => {
    const answerFor = fc.oneof(
      ...SCORED.map((q) =>
        q.type === "single"
          ? fc.record({ id: fc.constant(q.id), value: fc.constantFrom<TAnswerValue>(...q.options.map((o) => o.id)) })
          : fc.record({
              id: fc.constant(q.id),
              value: fc
                .subarray(q.options.filter((o) => !o.exclusive).map((o) => o.id))
                .map((ids): TAnswerValue => (ids.length ? ids : q.options.filter((o) => o.exclusive).map((o) => o.id))),
            }),
      ),
    );
    fc.assert(
      fc.property(fc.array(answerFor, { maxLength: SCORED.length * 2 }), fc.boolean(), (pairs, submitted) => {
        const answers: TAnswerSet = Object.fromEntries(pairs.map((p) => [p.id, p.value]));
        const { sections } = easyResult(answers, submitted ? "submitted" : "draft");
        expect(pointsOf(section(sections, "ergebnis-stark")).length).toBeLessThanOrEqual(3);
        expect(pointsOf(section(sections, "ergebnis-schwach")).length).toBeLessThanOrEqual(3);
        expect(checkEasyLanguage(sectionBlocks(sections)).problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("a view or a plan is counted as an answer, not as a fact: own position and budget", () => {
    const { sections } = easyResult({ ...context, ...best, own_position: "missed", budget_2021: "decrease" });
    const weak = pointsOf(section(sections, "ergebnis-schwach"));
    // 2020: 61 % laggards and 29 % pioneers rated themselves higher than "missed"; 34 % + 54 % planned more.
    expect(weak).toContainEqual({
      title: "So sehen Sie Ihre Kommune",
      text: "Sie sagen: Unsere Kommune ist beim Digitalen weit zurück. Im Jahr 2020 sahen sich 90 von 100 Kommunen weiter vorne.",
    });
    expect(weak).toContainEqual({
      title: "Geld für das Digitale im nächsten Jahr",
      text: "Ihre Kommune gibt im nächsten Jahr weniger Geld für das Digitale aus. Im Jahr 2020 gaben 88 von 100 Kommunen eine Antwort mit mehr Punkten.",
    });
  });

  it("an answer to an option the reference no longer has counts as unanswered, as in the benchmark", () => {
    const { sections } = easyResult({ ...context, ...best, e_file: "abolished" as string });
    expect(sectionBlocks(sections).join(" ")).toContain("Es fehlt noch die Antwort auf 1 Frage.");
  });
});
