import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import raw from "@/lib/survey/national-2020.json";
import { ZReference, type TReference } from "@/lib/survey/schema";
import { reference } from "@/lib/survey/reference";

/**
 * lib/survey/national-2020.json against docs/api.md section 1 and the press release of
 * 2 December 2020 (docs/sources/bitkom-dstgb-2020-12-02-pressemitteilung.md).
 */

const DIMENSIONS = ["strategy", "processes", "services", "capabilities", "work", "context"];

const parsed = ZReference.safeParse(raw);

describe("the file and its source", () => {
  test("parses with ZReference", () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.success).toBe(true);
  });

  test("names the survey: 623 municipalities, published 2020-12-02, by Bitkom and the DStGB", () => {
    expect(reference.source.sample).toBe(623);
    expect(reference.source.published).toBe("2020-12-02");
    expect(reference.source.publisher).toMatch(/Bitkom/);
    expect(reference.source.publisher).toMatch(/Städte- und Gemeindebund/);
    expect(reference.source.url).toMatch(/^https:\/\/www\.bitkom\.org\//);
  });
});

describe("structure", () => {
  const questionIds = reference.questions.map((q) => q.id);
  const topicIds = reference.topics.map((t) => t.id);

  test("question ids and topic ids are unique", () => {
    expect(new Set(questionIds).size).toBe(questionIds.length);
    expect(new Set(topicIds).size).toBe(topicIds.length);
  });

  test("has about twenty questions (18–24)", () => {
    expect(reference.questions.length).toBeGreaterThanOrEqual(18);
    expect(reference.questions.length).toBeLessThanOrEqual(24);
  });

  test.each(reference.questions.map((q) => [q.id, q] as const))(
    "%s: unique option ids, known topic, known dimension",
    (_id, q) => {
      const optionIds = q.options.map((o) => o.id);
      expect(new Set(optionIds).size).toBe(optionIds.length);
      expect(topicIds).toContain(q.topic);
      expect(DIMENSIONS).toContain(q.dimension);
    },
  );

  test.each(reference.topics.map((t) => [t.id] as const))("topic %s has questions", (topicId) => {
    expect(reference.questions.filter((q) => q.topic === topicId).length).toBeGreaterThan(0);
  });
});

describe("shares", () => {
  const singles = reference.questions.filter((q) => q.type === "single");
  const allOptions = reference.questions.flatMap((q) => q.options.map((o) => ({ q, o })));

  test.each(singles.map((q) => [q.id, q] as const))("single choice %s sums to at most 100", (_id, q) => {
    const sum = q.options.reduce((s, o) => s + (o.share ?? 0), 0);
    expect(sum).toBeLessThanOrEqual(100);
  });

  test("published shares are whole numbers between 0 and 100", () => {
    const bad = allOptions.filter(
      ({ o }) => o.published && !(Number.isInteger(o.share) && o.share! >= 0 && o.share! <= 100),
    );
    expect(bad.map(({ q, o }) => `${q.id}/${o.id}`)).toEqual([]);
  });

  test("an option without share is never published", () => {
    const bad = allOptions.filter(({ o }) => o.share === null && o.published);
    expect(bad.map(({ q, o }) => `${q.id}/${o.id}`)).toEqual([]);
  });

  const derived = allOptions.filter(({ o }) => !o.published && o.share !== null);
  test("there are derived remainders to check", () => {
    expect(derived.length).toBeGreaterThan(0);
  });

  test.each(derived.map(({ q, o }) => [`${q.id}/${o.id}`, q, o] as const))(
    "derived remainder %s equals 100 − the other options",
    (_key, q, o) => {
      expect(q.type).toBe("single");
      const others = q.options.filter((x) => x !== o).reduce((s, x) => s + (x.share ?? 0), 0);
      expect(o.share).toBe(100 - others);
    },
  );

  test.each(
    reference.questions.flatMap((q) => (q.aggregates ?? []).map((a) => [q.id, a.options.join("+"), q, a] as const)),
  )("aggregate %s [%s] equals the sum of its options", (_id, _opts, q, a) => {
    const sum = a.options.reduce((s, id) => s + (q.options.find((o) => o.id === id)?.share ?? Number.NaN), 0);
    expect(a.share).toBe(sum);
  });
});

/* ------------------------------------------------------------------------------------------------
 * THE KEY TEST. Every percentage of the press release, read by hand, in the order of the text.
 * Kind "option": the share of one answer; "aggregate": a sum of answers reported as one figure;
 * "subgroup": a figure for a subgroup, sitting on its option.
 * --------------------------------------------------------------------------------------------- */

type TFigure =
  | { kind: "option"; q: string; o: string; share: number }
  | { kind: "aggregate"; q: string; options: string[]; share: number }
  | { kind: "subgroup"; q: string; o: string; group: string; share: number };

const opt = (q: string, o: string, share: number): TFigure => ({ kind: "option", q, o, share });
const agg = (q: string, options: string[], share: number): TFigure => ({ kind: "aggregate", q, options, share });
const sub = (q: string, o: string, group: string, share: number): TFigure => ({ kind: "subgroup", q, o, group, share });

const PRESS_RELEASE: TFigure[] = [
  // Lead paragraph
  opt("crisis_drives_digitalisation", "yes", 88), // neun von zehn (88 %) erwarten, Corona treibt die Digitalisierung voran
  opt("crisis_kept_running", "yes", 77), // drei Viertel: digitale Technologien tragen stark zur Aufrechterhaltung bei
  opt("budget_2021", "increase", 54), // gut die Hälfte will das Digital-Budget 2021 erhöhen
  opt("budget_2021", "constant", 34), // ein Drittel: konstant
  opt("budget_2021", "decrease", 1), // lediglich 1 % will kürzen
  // Investitionen in digitale Technologien, Prozesse und Services
  opt("chance_or_risk", "chance", 96),
  opt("chance_or_risk", "risk", 1),
  opt("biggest_challenges", "digital_transformation", 31),
  opt("biggest_challenges", "finances", 68),
  opt("biggest_challenges", "housing", 39),
  opt("biggest_challenges", "childcare", 34),
  opt("biggest_challenges", "demography", 32),
  opt("own_position", "laggard", 61),
  opt("own_position", "pioneer", 29),
  opt("own_position", "missed", 7),
  opt("pandemic_investments", "technology", 53),
  opt("pandemic_investments", "processes", 44),
  opt("pandemic_investments", "services", 35),
  // Digitalstrategie
  opt("digital_strategy", "central", 8),
  opt("digital_strategy", "sectoral", 13),
  agg("digital_strategy", ["developing_central", "developing_sectoral"], 56),
  opt("digital_strategy", "developing_central", 33),
  opt("digital_strategy", "developing_sectoral", 23),
  opt("digital_strategy", "none_no_topic", 20),
  sub("digital_strategy", "none_no_topic", "population_lt_5000", 24),
  opt("obstacles", "lack_of_funds", 75),
  opt("obstacles", "lack_of_knowhow", 58),
  opt("staff_digital_skills", "few", 47),
  opt("staff_digital_skills", "almost_none", 4),
  opt("staff_digital_skills", "about_half", 20),
  opt("staff_digital_skills", "most", 21),
  opt("staff_digital_skills", "almost_all", 6),
  opt("policy_wishes", "funding", 85),
  opt("policy_wishes", "standards", 76),
  opt("policy_wishes", "advice", 43),
  opt("policy_wishes", "good_practice", 30),
  opt("policy_wishes", "networking", 22),
  // Nur jede sechste Kommune führt elektronische Akten
  opt("investment_needs", "administration", 75),
  opt("investment_needs", "it_security", 71),
  opt("investment_needs", "data_platforms", 48),
  opt("e_invoice", "in_use", 20),
  opt("e_file", "in_use", 16),
  opt("e_payment", "in_use", 16),
  opt("e_invoice", "planned", 64),
  opt("e_file", "planned", 61),
  opt("e_payment", "planned", 51),
  opt("online_applications", "in_use", 19),
  opt("online_portal", "in_use", 16),
  opt("citizen_app", "in_use", 12),
  opt("online_applications", "planned", 62),
  opt("online_portal", "planned", 59),
  opt("citizen_app", "planned", 56),
  // Homeoffice
  opt("home_office_today", "offered", 50),
  opt("home_office_today", "excluded", 50),
  opt("home_office_future", "more", 41),
  opt("home_office_future", "none", 37),
  opt("home_office_future", "keep", 10),
  opt("home_office_obstacles", "lack_of_equipment", 40),
  opt("home_office_obstacles", "lack_of_funds", 24),
  opt("home_office_obstacles", "worse_workflows", 21),
  opt("home_office_obstacles", "data_protection", 21),
  opt("home_office_obstacles", "lack_of_knowhow", 20),
];

/** The count of "N Prozent" in the press release, counted by hand. */
const PRESS_RELEASE_FIGURE_COUNT = 62;

function keyOf(f: TFigure): string {
  switch (f.kind) {
    case "option":
      return `${f.q}/${f.o}`;
    case "aggregate":
      return `${f.q}/aggregate[${[...f.options].sort().join(",")}]`;
    case "subgroup":
      return `${f.q}/${f.o}/subgroup:${f.group}`;
  }
}

/** Every figure the file claims as published: published options, all subgroups, all aggregates. */
function publishedFiguresOf(ref: TReference): TFigure[] {
  return ref.questions.flatMap((q) => [
    ...q.options.filter((o) => o.published).map((o) => opt(q.id, o.id, o.share as number)),
    ...q.options.flatMap((o) => (o.subgroups ?? []).map((s) => sub(q.id, o.id, s.group, s.share))),
    ...(q.aggregates ?? []).map((a) => agg(q.id, a.options, a.share)),
  ]);
}

function figuresAt(ref: TReference, f: TFigure): { share: number | null; published: boolean }[] {
  const q = ref.questions.filter((x) => x.id === f.q);
  switch (f.kind) {
    case "option":
      return q
        .flatMap((x) => x.options.filter((o) => o.id === f.o))
        .map((o) => ({ share: o.share, published: o.published }));
    case "subgroup":
      return q
        .flatMap((x) => x.options.filter((o) => o.id === f.o))
        .flatMap((o) => (o.subgroups ?? []).filter((s) => s.group === f.group))
        .map((s) => ({ share: s.share, published: true }));
    case "aggregate":
      return q
        .flatMap((x) => x.aggregates ?? [])
        .filter((a) => keyOf(agg(f.q, a.options, 0)) === keyOf(f))
        .map((a) => ({ share: a.share, published: true }));
  }
}

describe("every figure of the press release (hand-written table)", () => {
  test("the table itself has one entry per figure and no duplicate key", () => {
    expect(PRESS_RELEASE).toHaveLength(PRESS_RELEASE_FIGURE_COUNT);
    const keys = PRESS_RELEASE.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(PRESS_RELEASE.map((f) => ({ key: keyOf(f), share: f.share, f })))(
    "$key = $share %, published, exactly once",
    ({ share, f }) => {
      expect(figuresAt(reference, f)).toEqual([{ share, published: true }]);
    },
  );

  test("conversely, every published figure of the file is in the table (nothing invented)", () => {
    const table = new Map(PRESS_RELEASE.map((f) => [keyOf(f), f.share]));
    const fileFigures = publishedFiguresOf(reference);
    const invented = fileFigures.filter((f) => table.get(keyOf(f)) !== f.share).map((f) => `${keyOf(f)} = ${f.share}`);
    expect(invented).toEqual([]);
    expect(fileFigures).toHaveLength(PRESS_RELEASE_FIGURE_COUNT);
    expect(new Set(fileFigures.map(keyOf)).size).toBe(fileFigures.length);
  });

  test("the file has 60 published option figures, 1 aggregate and 1 subgroup figure", () => {
    const kinds = publishedFiguresOf(reference).map((f) => f.kind);
    expect(kinds.filter((k) => k === "option")).toHaveLength(60);
    expect(kinds.filter((k) => k === "aggregate")).toHaveLength(1);
    expect(kinds.filter((k) => k === "subgroup")).toHaveLength(1);
  });

  const SEED = path.resolve(__dirname, "../../../docs/sources/bitkom-dstgb-2020-12-02-pressemitteilung.md");
  test("the table's numbers are exactly the “N Prozent” of the press release text", () => {
    const text = readFileSync(SEED, "utf8");
    const inText = [...text.matchAll(/(\d+(?:,\d+)?) Prozent/g)]
      .map((m) => Number(m[1]!.replace(",", ".")))
      .sort((a, b) => a - b);
    const inTable = PRESS_RELEASE.map((f) => f.share).sort((a, b) => a - b);
    expect(inText).toHaveLength(PRESS_RELEASE_FIGURE_COUNT);
    expect(inTable).toEqual(inText);
    expect(text).toMatch(/623 Städten und Gemeinden/);
  });
});

/* ------------------------------------------------------------------------------------------------
 * The schema rejects broken variants of the file.
 * --------------------------------------------------------------------------------------------- */

type TMutable = {
  topics: { id: string }[];
  questions: {
    id: string;
    topic: string;
    type: string;
    ordinal?: boolean;
    options: { id: string; share: number | null; published: boolean; rank?: number | null; exclusive?: boolean }[];
    aggregates?: { options: string[]; share: number; label: string }[];
  }[];
};

const q = (ref: TMutable, id: string) => ref.questions.find((x) => x.id === id)!;
const o = (ref: TMutable, qid: string, oid: string) => q(ref, qid).options.find((x) => x.id === oid)!;

const MUTATIONS: [string, (ref: TMutable) => void, RegExp][] = [
  ["duplicate question id", (r) => void (r.questions[1]!.id = r.questions[0]!.id), /duplicate question id/],
  ["duplicate option id", (r) => void (o(r, "e_file", "planned").id = "in_use"), /duplicate option id/],
  ["duplicate topic id", (r) => void r.topics.push({ ...r.topics[0]! }), /duplicate topic id/],
  ["single-choice sum 101", (r) => void (o(r, "e_file", "neither").share = 24), /sum to 101/],
  ["published share 12.5", (r) => void (o(r, "e_file", "in_use").share = 12.5), /whole number/],
  [
    "published with share null",
    (r) => void (o(r, "e_file", "in_use").share = null),
    /without share cannot be published/,
  ],
  ["ordinal question missing a rank", (r) => void delete o(r, "e_file", "planned").rank, /has a rank/],
  ["rank on a non-ordinal question", (r) => void (o(r, "chance_or_risk", "chance").rank = 1), /rank only on ordinal/],
  ["duplicate rank", (r) => void (o(r, "e_file", "planned").rank = 2), /ranks must be distinct/],
  [
    "aggregate naming an unknown option",
    (r) => void (q(r, "digital_strategy").aggregates![0]!.options = ["developing_central", "developing_nowhere"]),
    /unknown option/,
  ],
  ["unknown topic", (r) => void (q(r, "e_file").topic = "nowhere"), /unknown topic "nowhere"/],
  [
    "topic without questions",
    (r) => void r.topics.push({ id: "empty", title: "Leer", intro: "Leer" } as never),
    /has no questions/,
  ],
  [
    "exclusive on a single-choice question",
    (r) => void (o(r, "e_file", "neither").exclusive = true),
    /exclusive only on multi/,
  ],
  [
    "ordinal multi-choice question",
    (r) => void (q(r, "obstacles").ordinal = true),
    /only single-choice questions are ordinal/,
  ],
  ["share above 100", (r) => void (o(r, "obstacles", "lack_of_funds").share = 101), /./],
  ["negative share", (r) => void (o(r, "e_file", "neither").share = -1), /./],
  ["unknown dimension", (r) => void ((r.questions[0] as Record<string, unknown>).dimension = "luck"), /./],
  ["unknown question type", (r) => void (r.questions[0]!.type = "free_text"), /./],
  ["extra field on an option", (r) => void ((o(r, "e_file", "in_use") as Record<string, unknown>).note = "x"), /./],
  ["question with one option", (r) => void q(r, "home_office_today").options.pop(), /./],
  ["id not snake_case", (r) => void (q(r, "e_file").id = "E-File"), /./],
];

describe("ZReference rejects broken variants", () => {
  test("the unmodified deep copy is accepted (the mutations below are the only difference)", () => {
    expect(ZReference.safeParse(structuredClone(raw)).success).toBe(true);
  });

  test.each(MUTATIONS)("%s", (_name, mutate, message) => {
    const copy = structuredClone(raw) as unknown as TMutable;
    mutate(copy);
    const result = ZReference.safeParse(copy);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join("\n")).toMatch(message);
    // the original import is untouched
    expect(ZReference.safeParse(raw).success).toBe(true);
  });
});
