import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkEasyLanguage, type TEasyUnit } from "@/lib/easy-language/check";
import {
  contentsOf,
  easyAccessibility,
  easyPage,
  reviewNote,
  sectionBlocks,
  type TEasyInstance,
  type TEasySection,
} from "@/lib/easy-language/content";
import { EASY_PICTURES } from "@/lib/easy-language/pictures";
import { WORD_LIST } from "@/lib/easy-language/word-list";
import { EASY_QUESTIONS } from "@/lib/easy-language/question-texts";
import { buildEasyResult } from "@/lib/easy-language/easy-result";
import { computeBenchmark } from "@/lib/benchmark/compute-benchmark";
import { reference } from "@/lib/survey/reference";
import type { TAnswerValue } from "@/lib/survey/answer-schema";
import { EASY_PAGE_HEADINGS } from "../../support/easy-language";
import { CONTEXT, highestRanked, lowestRanked, SCORED, type TAnswerSet } from "../benchmark/helpers";

/** Prints the figures the closing note quotes, and fails with every broken rule listed. */
function expectEasy(label: string, blocks: TEasyUnit[]) {
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

const INSTANCE: TEasyInstance = { verifiedPeers: true, peerK: 5, operatorName: "Stadt Prüfstadt, Digitalisierung" };
const REVIEW = { by: "Büro für Leichte Sprache Prüfstadt", on: "2027-03-15" };

/** The page as a reader meets it: title, intro, the note on the check, the table of contents, the sections. */
function pageUnits(instance: TEasyInstance, review: { by: string; on: string } | null = null): TEasyUnit[] {
  const page = easyPage(instance);
  return [
    { heading: page.title },
    ...page.intro,
    ...reviewNote(review),
    { heading: "Das steht auf dieser Seite" },
    ...contentsOf(page.sections).map((c) => ({ heading: c.heading })),
    ...sectionBlocks(page.sections),
  ];
}
const textOf = (units: TEasyUnit[]) => units.map((u) => (typeof u === "string" ? u : u.heading)).join(" ");

describe("the fixed texts in Leichter Sprache", () => {
  it("the page /leichte-sprache keeps the rules, with and without a check by readers", () => {
    for (const verifiedPeers of [true, false])
      expectEasy(
        `/leichte-sprache (PEERS_MODE=${verifiedPeers ? "verified" : "open"})`,
        pageUnits({ ...INSTANCE, verifiedPeers }),
      );
    expectEasy("/leichte-sprache (checked by readers)", pageUnits(INSTANCE, REVIEW));
    // Only where only confirmed municipalities count does the page say so; k is the instance's.
    expect(textOf(pageUnits(INSTANCE))).toContain("Im Vergleich zählen nur Kommunen mit einem Teilnahme-Code.");
    expect(textOf(pageUnits({ ...INSTANCE, verifiedPeers: false }))).not.toContain("Im Vergleich zählen nur");
    expect(textOf(pageUnits({ ...INSTANCE, peerK: 7 }))).toContain("Wir zeigen diesen Vergleich erst ab 7 Kommunen.");
  });

  it("explains what the Digital-Check is, the steps, the result, the data, the navigation, barriers, sign language, Leichte Sprache and hard words", () => {
    const page = easyPage(INSTANCE);
    expect(page.sections.map((s) => s.heading)).toEqual(expect.arrayContaining([...EASY_PAGE_HEADINGS]));
    const barrier = page.sections.find((s) => s.id === "barriere-melden")!;
    expect(barrier.blocks.some((b) => b.kind === "contact")).toBe(true);
    expect(textOf(sectionBlocks([barrier]))).toContain("innerhalb von 1 Monat");
    // Where the result in Leichter Sprache is, in the words of the screen.
    const result = textOf(sectionBlocks([page.sections.find((s) => s.id === "ergebnis")!]));
    for (const label of ["„Ihr Ergebnis ansehen“", "„Ergebnis in Leichter Sprache“", "„PDF-Datei speichern“"])
      expect(result).toContain(label);
    // The word list holds every word of the list, each with its explanation.
    const words = page.sections.find((s) => s.id === "woerter")!.blocks.find((b) => b.kind === "words");
    expect(words?.kind === "words" && words.entries.map((e) => e.term)).toEqual(WORD_LIST.map((e) => e.term));
    // The steps name the buttons as the screen does, not "den Knopf zum Starten".
    const steps = textOf(sectionBlocks([page.sections.find((s) => s.id === "schritte")!]));
    expect(steps).toContain("Klicken Sie dort auf den Knopf „Digitalcheck starten“.");
    expect(steps).toContain("Geben Sie den Link nur an Menschen weiter: Sie müssen diesen Menschen vertrauen.");
  });

  it("the note on the check says that no group of readers has read the texts until the operator confirms who did and when", () => {
    expect(reviewNote(null)).toContain("Diese Texte hat noch keine Prüf-Gruppe gelesen.");
    const checked = reviewNote(REVIEW).join(" ");
    expect(checked).not.toContain("noch keine");
    expect(checked).toContain("Das war die Prüf-Gruppe von: Büro für Leichte Sprache Prüfstadt.");
    expect(checked).toContain("Die Prüfung war am 15. März 2027.");
  });

  it("the accessibility statement names the site, the operator, the date, the status, who tested it, the answer time and the Schlichtungs-Stelle", () => {
    const units = [
      ...sectionBlocks(easyAccessibility(INSTANCE)).slice(0, 2),
      ...reviewNote(null),
      ...sectionBlocks(easyAccessibility(INSTANCE)).slice(2),
    ];
    expectEasy("/barrierefreiheit (Leichte Sprache)", units);
    const text = textOf(units);
    expect(text).toContain("Diese Erklärung ist für die Internet-Seite „Kommunaler Digitalcheck“.");
    expect(text).toContain("Die Internet-Seite gehört zu: Stadt Prüfstadt, Digitalisierung.");
    expect(text).toContain("Wir haben die Erklärung am 25. November 2026 geschrieben.");
    expect(text).toContain("Der Digital-Check ist zum Teil barriere-frei.");
    expect(text).toContain("Die Programmierer vom Digital-Check haben die Internet-Seite selbst geprüft.");
    expect(text).toContain("innerhalb von 1 Monat");
    expect(text).toContain("Für diese Internet-Seite hilft diese Schlichtungs-Stelle:");
    expect(text).toContain("Videos in Deutscher Gebärden-Sprache");
    // Without an operator in the configuration, no empty name.
    expect(textOf(sectionBlocks(easyAccessibility({ operatorName: null })))).not.toContain("gehört zu");
    // Nobody is asked which body runs the site: the page names its Schlichtungs-Stelle from the configuration.
    expect(text).not.toMatch(/Gehört diese Seite/);
    expect(easyAccessibility(INSTANCE).some((s) => s.blocks.some((b) => b.kind === "mediation"))).toBe(true);
  });

  it("every picture is our own screenshot in public/, twice the size it is shown, with an alternative text in Leichter Sprache", () => {
    for (const [name, picture] of Object.entries(EASY_PICTURES)) {
      const png = readFileSync(path.join("public", picture.src));
      // The PNG header: width and height as 32-bit numbers at bytes 16 and 20.
      expect(png.subarray(1, 4).toString("latin1"), name).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], name).toEqual([picture.width * 2, picture.height * 2]);
      expect(checkEasyLanguage([picture.alt]).problems, name).toEqual([]);
      expect(picture.alt, name).toContain(picture.shows);
    }
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

  it("every answer sentence and every step keeps the rules, question by question", () => {
    const all: TEasyUnit[] = [];
    for (const [id, t] of Object.entries(EASY_QUESTIONS)) {
      const units: TEasyUnit[] = [
        { heading: t.name },
        ...Object.values(t.answers ?? {}),
        ...(t.items ? [t.items.none, t.items.some(Object.values(t.items.options).join(", "))] : []),
        { heading: t.step.title },
        t.step.text,
      ];
      expect(checkEasyLanguage(units).problems, id).toEqual([]);
      all.push(...units);
    }
    expectEasy("answers and steps of all questions", all);
  });

  it("say what the standard text says: plans as plans, obligations as obligations, money spent or planned", () => {
    const q = EASY_QUESTIONS;
    expect(q.budget_2021!.answers!.increase).toBe(
      "Ihre Kommune plant für das nächste Jahr mehr Geld für das Digitale ein.",
    );
    // "Mehr Homeoffice anbieten oder die Regelung flexibler gestalten": both, and as a plan.
    expect(q.home_office_future!.answers!.more).toBe(
      "Sie wollen nach der Corona-Zeit mehr Arbeit von zu Hause möglich machen. Oder Sie wollen die Regeln lockerer machen.",
    );
    expect(q.online_applications!.step.text).toContain("Die Verwaltung muss viele Anträge auch im Internet anbieten.");
    expect(q.own_position!.step.text).toContain("Was hat sich verändert?");
    expect(q.pandemic_investments!.items!.figure).toContain("ausgegeben oder eingeplant");
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
    expect(level).not.toContain("Das Ergebnis kann sich also noch ändern.");
    const strong = pointsOf(section(sections, "ergebnis-stark"));
    // The two best answers; the figure is the share of the same answer in 2020 (press release: 16 % and 8 %).
    expect(strong.map((p) => p.title).sort()).toEqual(["Akten am Computer", "Ein Plan für das Digitale"]);
    // Why it is a strength: more points than the national mean of the question.
    expect(strong.find((p) => p.title === "Akten am Computer")!.text).toBe(
      "Ihre Verwaltung führt die Akten schon am Computer. Für Ihre Antwort gibt es mehr Punkte als im Durchschnitt von 2020. Im Jahr 2020 war das bei 16 von 100 Kommunen so.",
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
        text: "Bezahlen im Internet fehlt bei Ihrer Verwaltung. Ein Plan für das Bezahlen im Internet fehlt auch noch. Für Ihre Antwort gibt es weniger Punkte als im Durchschnitt von 2020. Im Jahr 2020 waren 67 von 100 Kommunen schon weiter.",
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
      // The page adds the PDF and its button; the texts stay within the rules.
      const page = buildEasyResult({
        ref: reference,
        benchmark: computeBenchmark(reference, { answers }),
        status,
        withDownload: true,
      });
      expect(checkEasyLanguage(sectionBlocks(page)).problems, label).toEqual([]);
    }
    expect(textOf(sectionBlocks(easyResult({}, "draft").sections))).toContain("Beantworten Sie zuerst einige Fragen.");
    expect(textOf(sectionBlocks(easyResult({ ...context, ...best }, "draft").sections))).toContain(
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
  }, 30_000);

  it("a view or a plan is counted as an answer, not as a fact: own position and budget", () => {
    const { sections } = easyResult({ ...context, ...best, own_position: "missed", budget_2021: "decrease" });
    const weak = pointsOf(section(sections, "ergebnis-schwach"));
    // 2020: 61 % laggards and 29 % pioneers rated themselves higher than "missed"; 34 % + 54 % planned more.
    expect(weak).toContainEqual({
      title: "So sehen Sie Ihre Kommune",
      text: "Sie sagen: Unsere Kommune ist beim Digitalen weit zurück. Für Ihre Antwort gibt es weniger Punkte als im Durchschnitt von 2020. Im Jahr 2020 sahen sich 90 von 100 Kommunen weiter vorne.",
    });
    expect(weak).toContainEqual({
      title: "Geld für das Digitale im nächsten Jahr",
      text: "Ihre Kommune plant für das nächste Jahr weniger Geld für das Digitale ein. Für Ihre Antwort gibt es weniger Punkte als im Durchschnitt von 2020. Im Jahr 2020 gaben 88 von 100 Kommunen eine Antwort mit mehr Punkten.",
    });
  });

  it("money in the Corona time: spent or planned, as the survey asked, with one figure of 100", () => {
    const point = (chosen: string[], id: string) =>
      pointsOf(section(easyResult({ pandemic_investments: chosen }).sections, id)).find(
        (x) => x.title === "Geld für das Digitale in der Corona-Zeit",
      )!.text;
    // 2020: 53 % technology, 44 % processes, 35 % services — spent, being spent or planned. A strength names
    // the rarest option chosen, a gap the most common one missing.
    expect(point(["technology", "processes", "services"], "ergebnis-stark")).toBe(
      "Ihre Kommune hat Geld ausgegeben oder eingeplant für: Technik, digitale Arbeit und digitale Angebote. Für Ihre Antwort gibt es mehr Punkte als im Durchschnitt von 2020. Im Jahr 2020 hatten 35 von 100 Kommunen Geld für digitale Angebote ausgegeben oder eingeplant.",
    );
    expect(point(["services"], "ergebnis-schwach")).toBe(
      "Ihre Kommune hat Geld ausgegeben oder eingeplant für: digitale Angebote. Für Ihre Antwort gibt es weniger Punkte als im Durchschnitt von 2020. Im Jahr 2020 hatten 53 von 100 Kommunen Geld für Technik ausgegeben oder eingeplant.",
    );
  });

  it("compares the points as the reader sees them: 48.7 and 48.5 both read ungefähr 49", () => {
    const base = computeBenchmark(reference, { answers: { ...context, ...best } });
    const level = (score: number, nationalMean: number) =>
      textOf(
        sectionBlocks([
          section(
            buildEasyResult({
              ref: reference,
              benchmark: { ...base, index: { ...base.index, score, nationalMean } },
              status: "submitted",
            }),
            "ergebnis-stufe",
          ),
        ]),
      );
    expect(level(48.7, 48.5)).toContain("Ihre Kommune hat ungefähr 49 von 100 Punkten.");
    expect(level(48.7, 48.5)).toContain("Ihre Kommune hat also ungefähr so viele Punkte wie der Durchschnitt.");
    expect(level(50, 50)).toContain("Ihre Kommune hat also genauso viele Punkte wie der Durchschnitt.");
    expect(level(49.6, 48.5)).toContain("Ihre Kommune hat also mehr Punkte als der Durchschnitt.");
    expect(level(47.4, 48.5)).toContain("Ihre Kommune hat also weniger Punkte als der Durchschnitt.");
  });

  it("the level says what the points count: the questions of this check", () => {
    const text = textOf(sectionBlocks(easyResult({ ...context, ...best }).sections));
    expect(text).toContain("Bei den meisten Fragen von diesem Digital-Check hat sie schon etwas gemacht.");
    expect(text).not.toContain("Schritte zum Digitalen");
  });

  it("an answer to an option the reference no longer has counts as unanswered, as in the benchmark", () => {
    const { sections } = easyResult({ ...context, ...best, e_file: "abolished" as string });
    expect(textOf(sectionBlocks(sections))).toContain("Es fehlt noch die Antwort auf 1 Frage.");
  });
});
