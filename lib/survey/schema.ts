import { z } from "zod";

/**
 * The zod schema of lib/survey/national-2020.json (docs/api.md section 1) and the rules that a
 * file of published survey figures must obey. Parsed once at load (reference.ts).
 */

export const DIMENSIONS = ["strategy", "processes", "services", "capabilities", "work"] as const;
export const ZDimension = z.enum([...DIMENSIONS, "context"]);
export type TDimension = z.infer<typeof ZDimension>;
export type TIndexDimension = (typeof DIMENSIONS)[number];

const ZId = z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are snake_case");
const ZStatement = z.string().includes("{share}", { message: "a statement template contains {share}" });
/** A percentage of all 623 municipalities. */
const ZShare = z.number().min(0).max(100);

export const ZOption = z.strictObject({
  id: ZId,
  label: z.string().min(1),
  /**
   * What a derived remainder's 2020 share stands for, where it differs from the answer: the press release
   * does not say which answers make up a remainder, so it is "Übrige Antworten oder keine Angabe", never the
   * answer's own meaning ("Weiß nicht"). Required on every derived option, shown in charts, tables and the PDF.
   */
  shareLabel: z.string().min(1).optional(),
  share: ZShare.nullable(),
  published: z.boolean(),
  /** Ordinal questions: position on the scale, 0 = lowest; null for "weiß nicht" and the like. */
  rank: z.number().int().min(0).nullable().optional(),
  /** Multi-choice: an option such as "Nichts davon" that cannot be combined with others. */
  exclusive: z.boolean().optional(),
  subgroups: z
    .array(z.strictObject({ group: z.string().min(1), share: ZShare, label: z.string().min(1), statement: ZStatement }))
    .optional(),
  /** Benchmark sentence for municipalities that chose this option; "{share}" becomes "16 %" or "rund 23 %". */
  statement: ZStatement.optional(),
});

export const ZQuestion = z.strictObject({
  id: ZId,
  topic: ZId,
  dimension: ZDimension,
  type: z.enum(["single", "multi"]),
  ordinal: z.boolean().optional(),
  text: z.string().min(1),
  hint: z.string().min(1).optional(),
  /** Grammatical subject for statements ("die E-Akte"), in-use/planned questions only. */
  subject: z.string().min(1).optional(),
  statementSubject: z.string().min(1).optional(),
  options: z.array(ZOption).min(2),
  aggregates: z
    .array(
      z.strictObject({ options: z.array(ZId).min(2), share: ZShare, label: z.string().min(1), statement: ZStatement }),
    )
    .optional(),
  /** Next step for municipalities whose answer is one of `options`; priority 1 = most impactful. */
  recommendation: z
    .strictObject({
      options: z.array(ZId).min(1),
      priority: z.number().int().min(1).max(5),
      title: z.string().min(1),
      text: z.string().min(1),
    })
    .optional(),
});

export const ZTopic = z.strictObject({ id: ZId, title: z.string().min(1), intro: z.string().min(1) });

export const ZReference = z
  .strictObject({
    id: z.string().min(1),
    source: z.strictObject({
      title: z.string().min(1),
      publisher: z.string().min(1),
      published: z.iso.date(),
      fieldwork: z.string().min(1),
      fieldworkText: z.string().min(1),
      method: z.string().min(1),
      sample: z.number().int().positive(),
      url: z.url(),
    }),
    topics: z.array(ZTopic).min(1),
    questions: z.array(ZQuestion).min(1),
  })
  .superRefine((ref, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const unique = (ids: string[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id)) issue(path, `duplicate ${what} id "${id}"`);
        seen.add(id);
      }
    };
    unique(
      ref.topics.map((t) => t.id),
      ["topics"],
      "topic",
    );
    unique(
      ref.questions.map((q) => q.id),
      ["questions"],
      "question",
    );
    const topicIds = new Set(ref.topics.map((t) => t.id));
    for (const topic of ref.topics) {
      if (!ref.questions.some((q) => q.topic === topic.id)) issue(["topics"], `topic "${topic.id}" has no questions`);
    }
    ref.questions.forEach((q, qi) => {
      const at = (...p: (string | number)[]) => ["questions", qi, ...p];
      if (!topicIds.has(q.topic)) issue(at("topic"), `unknown topic "${q.topic}"`);
      unique(
        q.options.map((o) => o.id),
        at("options"),
        "option",
      );
      q.options.forEach((o, oi) => {
        // A published figure is a whole percentage as printed in the press release.
        if (o.published && (o.share === null || !Number.isInteger(o.share))) {
          issue(at("options", oi, "share"), "a published share is a whole number");
        }
        if (o.share === null && o.published) issue(at("options", oi), "an option without share cannot be published");
        const derived = !o.published && o.share !== null;
        if (derived && !o.shareLabel)
          issue(at("options", oi, "shareLabel"), "a derived remainder says what it stands for (shareLabel)");
        if (!derived && o.shareLabel)
          issue(at("options", oi, "shareLabel"), "only a derived remainder has a shareLabel");
        if (q.ordinal && o.rank === undefined)
          issue(at("options", oi, "rank"), "every option of an ordinal question has a rank (or null)");
        if (!q.ordinal && o.rank !== undefined) issue(at("options", oi, "rank"), "rank only on ordinal questions");
        if (o.exclusive && q.type !== "multi")
          issue(at("options", oi, "exclusive"), "exclusive only on multi-choice questions");
        if ((o.share === null) === (o.statement !== undefined)) {
          issue(
            at("options", oi, "statement"),
            "an option with a share has a statement template, one without has none",
          );
        }
      });
      if (q.type === "single") {
        const sum = q.options.reduce((s, o) => s + (o.share ?? 0), 0);
        if (sum > 100 + 1e-9) issue(at("options"), `single-choice shares sum to ${sum} > 100`);
      }
      if (q.ordinal && q.type !== "single") issue(at("ordinal"), "only single-choice questions are ordinal");
      if (q.ordinal) {
        const ranks = q.options.map((o) => o.rank).filter((r): r is number => typeof r === "number");
        const distinct = new Set(ranks);
        if (distinct.size !== ranks.length || ranks.length < 2)
          issue(at("options"), "ordinal ranks must be distinct, at least two");
      }
      if (q.dimension !== "context" && !q.recommendation)
        issue(at("recommendation"), "maturity questions need a recommendation");
      for (const id of q.recommendation?.options ?? []) {
        if (!q.options.some((o) => o.id === id))
          issue(at("recommendation"), `recommendation names unknown option "${id}"`);
      }
      for (const [ai, agg] of (q.aggregates ?? []).entries()) {
        const opts = agg.options.map((id) => q.options.find((o) => o.id === id));
        if (opts.some((o) => !o)) issue(at("aggregates", ai), "aggregate names an unknown option");
      }
    });
  });

export type TReference = z.infer<typeof ZReference>;
export type TQuestion = z.infer<typeof ZQuestion>;
export type TOption = z.infer<typeof ZOption>;
export type TTopic = z.infer<typeof ZTopic>;
