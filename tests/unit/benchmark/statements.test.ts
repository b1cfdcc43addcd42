import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildStatements, formatShare } from "@/lib/benchmark/statements";
import { SIZE_CLASSES } from "@/lib/profile/size-class";
import { reference } from "@/lib/survey/reference";
import { mutableReference, percentFigures, question } from "./helpers";

/**
 * Statements: one per chosen option from its template, "{share}" → "16\u00a0%" (published) or
 * "rund 23\u00a0%" (derived), first letter capitalised; null share → "no published comparison figure";
 * single choice also: aggregates that contain the answer, subgroups of the own size class.
 */

const texts = (q: string, a: string | string[], sizeClass?: (typeof SIZE_CLASSES)[number]["id"]) =>
  buildStatements(question(q), a, sizeClass).map((s) => s.text);

describe("formatShare", () => {
  test.each([
    [16, false, "16\u00a0%"],
    [23, true, "rund 23\u00a0%"],
    [12.5, false, "12,5\u00a0%"],
    [12.5, true, "rund 12,5\u00a0%"],
    [33.33, true, "rund 33,3\u00a0%"],
    [0, false, "0\u00a0%"],
    [100, false, "100\u00a0%"],
  ] as const)("%d (derived %s) → %s", (share, derived, expected) => {
    expect(formatShare(share, derived)).toBe(expected);
  });
});

describe("the sentences the issue quotes", () => {
  test.each([
    ["e_file", "in_use", "Sie führen bereits eine E-Akte; 2020 taten das erst 16\u00a0% der Kommunen."],
    ["e_file", "planned", "Sie planen oder diskutieren die E-Akte; 2020 taten das 61\u00a0% der Kommunen."],
    [
      "e_file",
      "neither",
      "Sie haben die E-Akte weder im Einsatz noch in Planung. Bei rund 23\u00a0% der Kommunen war das 2020 so, oder sie machten dazu keine Angabe.",
    ],
    [
      "e_invoice",
      "neither",
      "Sie haben die E-Rechnung weder im Einsatz noch in Planung. Bei rund 16\u00a0% der Kommunen war das 2020 so, oder sie machten dazu keine Angabe.",
    ],
    [
      "staff_digital_skills",
      "almost_none",
      "Bei Ihnen kommen nahezu keine Beschäftigten gut mit digitalen Werkzeugen zurecht; 2020 sagten das 4\u00a0% der Kommunen.",
    ],
  ])("%s = %s → %s", (q, a, expected) => {
    expect(texts(q, a)).toEqual([expected]);
  });

  test("a derived one says „rund 23\u00a0%“, names 2020 and the missing answers, and is flagged derived", () => {
    const [s] = buildStatements(question("e_file"), "neither");
    expect(s!.text).toContain("Bei rund 23\u00a0% der Kommunen war das 2020 so, oder sie machten dazu keine Angabe.");
    expect(s).toMatchObject({ optionId: "neither", share: 23, derived: true });
  });

  test("a published one is not flagged derived", () => {
    expect(buildStatements(question("e_file"), "in_use")).toEqual([
      {
        text: "Sie führen bereits eine E-Akte; 2020 taten das erst 16\u00a0% der Kommunen.",
        optionId: "in_use",
        share: 16,
        derived: false,
      },
    ]);
  });
});

describe("multi choice: one sentence per chosen option", () => {
  test.each([
    ["pandemic_investments", ["technology"], [53]],
    ["pandemic_investments", ["technology", "services"], [53, 35]],
    ["pandemic_investments", ["technology", "processes", "services"], [53, 44, 35]],
    ["policy_wishes", ["funding", "networking"], [85, 22]],
    ["home_office_obstacles", ["worse_workflows", "data_protection"], [21, 21]],
  ] as const)("%s = %j → shares %j", (q, answer, shares) => {
    const out = buildStatements(question(q), [...answer]);
    expect(out).toHaveLength(answer.length);
    expect(out.map((s) => s.optionId).sort()).toEqual([...answer].sort());
    for (const s of out) {
      const o = question(q).options.find((x) => x.id === s.optionId)!;
      expect(s.share).toBe(o.share);
      expect(s.text).toContain(`${o.share}\u00a0%`);
    }
    expect(out.map((s) => s.share).sort()).toEqual([...shares].sort());
  });

  test("multi answers get no aggregate or subgroup sentences (even where the data had them: deep copy)", () => {
    expect(buildStatements(question("pandemic_investments"), ["technology"], "lt_5000")).toHaveLength(1);
    const copy = mutableReference();
    const q = question("pandemic_investments", copy);
    q.aggregates = [
      { options: ["technology", "processes"], share: 53, label: "x", statement: "Insgesamt {share} der Kommunen." },
    ];
    q.options[0]!.subgroups = [
      { group: "population_lt_5000", share: 54, label: "x", statement: "Unter kleinen Kommunen {share}." },
    ];
    expect(buildStatements(q, ["technology"], "lt_5000").map((x) => x.optionId)).toEqual(["technology"]);
    // the same data on a single-choice answer would add both sentences
    expect(buildStatements({ ...q, type: "single" }, "technology", "lt_5000")).toHaveLength(3);
  });
});

describe("options without a share", () => {
  test.each([
    ["pandemic_investments", ["none"], "Nichts davon"],
    ["obstacles", ["none"], "Keine nennenswerten Hemmnisse"],
    ["biggest_challenges", ["other"], "Andere Themen"],
  ] as const)("%s = %j → no published comparison figure", (q, answer, label) => {
    expect(buildStatements(question(q), [...answer])).toEqual([
      {
        text: `Für die Antwort „${label}“ gibt es in der Umfrage 2020 keinen veröffentlichten Vergleichswert.`,
        optionId: answer[0],
        share: null,
        derived: false,
      },
    ]);
  });

  test("mixed: a null-share option next to a published one", () => {
    const out = buildStatements(question("obstacles"), ["lack_of_funds", "other"]);
    expect(out.map((s) => s.share)).toEqual([75, null]);
    expect(out[0]!.text).toBe("Sie sehen fehlende Finanzmittel als Hemmnis; 2020 taten das 75\u00a0% der Kommunen.");
    expect(out[1]!.text).toContain("keinen veröffentlichten Vergleichswert");
  });
});

describe("aggregates and subgroups", () => {
  const AGG =
    "Insgesamt hatten 2020 56\u00a0% der Kommunen noch keine Digitalstrategie, entwickelten aber gerade eine.";
  const SUB = "Unter den Kommunen mit weniger als 5.000 Einwohnerinnen und Einwohnern waren es 2020 sogar 24\u00a0%.";

  test.each([
    [
      "developing_central",
      "Sie entwickeln gerade eine zentrale Digitalstrategie; 2020 taten das 33\u00a0% der Kommunen.",
    ],
    [
      "developing_sectoral",
      "Sie entwickeln gerade eine Digitalstrategie für einzelne Bereiche; 2020 taten das 23\u00a0% der Kommunen.",
    ],
  ])("digital_strategy = %s → its own sentence, then the 56\u00a0% aggregate", (a, own) => {
    const out = buildStatements(question("digital_strategy"), a);
    expect(out.map((s) => s.text)).toEqual([own, AGG]);
    expect(out[1]).toMatchObject({ optionId: null, share: 56, derived: false });
  });

  test.each(["none_no_topic", "sectoral", "central", "unknown"])(
    "digital_strategy = %s → no 56\u00a0% aggregate",
    (a) => {
      expect(texts("digital_strategy", a).join(" ")).not.toContain("56\u00a0%");
    },
  );

  test("none_no_topic with size class lt_5000 → the 24\u00a0% subgroup sentence", () => {
    const out = buildStatements(question("digital_strategy"), "none_no_topic", "lt_5000");
    expect(out.map((s) => s.text)).toEqual([
      "Sie haben keine Digitalstrategie und sehen darin derzeit kein Thema; 2020 galt das für 20\u00a0% der Kommunen.",
      SUB,
    ]);
    expect(out[1]).toMatchObject({ optionId: "none_no_topic", share: 24, derived: false });
  });

  test.each([...SIZE_CLASSES.map((s) => s.id).filter((id) => id !== "lt_5000"), undefined])(
    "none_no_topic with size class %s → no 24\u00a0% sentence",
    (sizeClass) => {
      const out = texts("digital_strategy", "none_no_topic", sizeClass);
      expect(out).toHaveLength(1);
      expect(out.join(" ")).not.toContain("24\u00a0%");
    },
  );

  test("another answer with size class lt_5000 → no 24\u00a0% sentence", () => {
    expect(texts("digital_strategy", "central", "lt_5000").join(" ")).not.toContain("24\u00a0%");
  });
});

/* ------------------------------------------------------------------------------------------------
 * Data test over the whole reference.
 * --------------------------------------------------------------------------------------------- */

const withShare = reference.questions.flatMap((q) =>
  q.options
    .filter((o) => o.share !== null)
    .map((o) => ({ q: q.id, o: o.id, share: o.share!, published: o.published, multi: q.type === "multi" })),
);
const RUND = /\b[Rr]und\b/;

describe("every option with a share", () => {
  test("covers the file (60 published figures plus derived remainders)", () => {
    expect(withShare.filter((x) => x.published).length).toBe(60);
    expect(withShare.filter((x) => !x.published).length).toBeGreaterThan(0);
  });

  test.each(withShare)("$q.$o ($share %, published $published)", ({ q, o, share, published, multi }) => {
    const own = buildStatements(question(q), multi ? [o] : o).filter((s) => s.optionId === o && s.share === share);
    expect(own).toHaveLength(1);
    const { text, derived } = own[0]!;
    const formatted = formatShare(share, !published);
    expect(text.toLowerCase()).toContain(formatted.toLowerCase());
    expect(text.split(formatted.replace(/^rund /, "")).length - 1).toBe(1);
    expect(percentFigures(text)).toEqual([share]);
    expect(text).not.toContain("{share}");
    // A capital letter, or a digit where the sentence opens with a published figure ("7\u00a0% der Kommunen …").
    expect(text).toMatch(/^[A-ZÄÖÜ0-9]/);
    expect(text).toMatch(/\.$/);
    expect(derived).toBe(!published);
    if (published) expect(text).not.toMatch(RUND);
    else expect(text).toMatch(/\b[Rr]und \d/);
  });

  const aggregates = reference.questions.flatMap((q) =>
    (q.aggregates ?? []).map((a) => ({ q: q.id, a: a.options[0]!, share: a.share })),
  );
  test.each(aggregates)("aggregate of $q ($share %) is quoted exactly, without „rund“", ({ q, a, share }) => {
    const s = buildStatements(question(q), a).find((x) => x.optionId === null)!;
    expect(percentFigures(s.text)).toEqual([share]);
    expect(s.text).not.toMatch(RUND);
    expect(s.text).not.toContain("{share}");
    expect(s.text).toMatch(/^[A-ZÄÖÜ0-9].*\.$/);
  });

  const subgroups = reference.questions.flatMap((q) =>
    q.options.flatMap((o) => (o.subgroups ?? []).map((g) => ({ q: q.id, o: o.id, group: g.group, share: g.share }))),
  );
  test.each(subgroups)(
    "subgroup $group of $q.$o ($share %) is quoted exactly for its size class",
    ({ q, o, group, share }) => {
      const sizeClass = SIZE_CLASSES.find((s) => `population_${s.id}` === group)?.id;
      expect(sizeClass, `"${group}" names a size class`).toBeDefined();
      const s = buildStatements(question(q), o, sizeClass).find(
        (x) => x.share === share && x.optionId === o && x.text.includes("sogar"),
      );
      expect(s).toBeDefined();
      expect(percentFigures(s!.text)).toEqual([share]);
      expect(s!.text).not.toMatch(RUND);
      expect(s!.text).toMatch(/^[A-ZÄÖÜ0-9].*\.$/);
    },
  );
});

describe("no invented figures: every percentage in the reference's texts appears in the press release", () => {
  const SEED = path.resolve(__dirname, "../../../docs/sources/bitkom-dstgb-2020-12-02-pressemitteilung.md");

  const quoted = reference.questions.flatMap((q) => {
    const strings: { where: string; text: string }[] = [];
    if (q.recommendation) strings.push({ where: `${q.id}.recommendation.text`, text: q.recommendation.text });
    if (q.recommendation) strings.push({ where: `${q.id}.recommendation.title`, text: q.recommendation.title });
    for (const o of q.options) {
      if (o.statement) strings.push({ where: `${q.id}.${o.id}.statement`, text: o.statement });
      for (const g of o.subgroups ?? [])
        strings.push({ where: `${q.id}.${o.id}.subgroups.${g.group}`, text: g.statement });
    }
    for (const [i, a] of (q.aggregates ?? []).entries())
      strings.push({ where: `${q.id}.aggregates.${i}`, text: a.statement });
    return strings.flatMap(({ where, text }) => percentFigures(text).map((n) => ({ where, n })));
  });

  test("the press release is available", () => {
    expect(existsSync(SEED), SEED).toBe(true);
  });

  const pressFigures = new Set(percentFigures(readFileSync(SEED, "utf8")));

  test("the press release parses to its figures (88, 77, 54 … Prozent)", () => {
    for (const n of [88, 77, 54, 34, 1, 96, 61, 29, 7, 8, 13, 56, 20, 24, 16, 47])
      expect(pressFigures.has(n), String(n)).toBe(true);
  });

  test("the recommendation texts quote figures at all", () => {
    expect(quoted.filter((x) => x.where.endsWith("recommendation.text")).length).toBeGreaterThanOrEqual(12);
  });

  test.each(quoted)("$where quotes $n %", ({ n }) => {
    expect(pressFigures.has(n)).toBe(true);
  });
});
