import { z } from "zod";
import { DIMENSIONS } from "../survey/schema";

/**
 * The benchmark as the API sends it (GET /api/assessments/{token}/benchmark, docs/api.md):
 * the response schema of lib/benchmark/compute-benchmark.ts's TBenchmark. Strict, so that a field the
 * code adds without saying so here fails the API tests, which parse every response with it.
 */
const ZScore = z.number().min(0).max(100);

export const ZLevel = z.strictObject({ id: z.string(), min: ZScore, name: z.string(), description: z.string() });

export const ZStatement = z.strictObject({
  text: z.string().min(1),
  optionId: z.string().nullable(),
  share: z.number().nullable(),
  derived: z.boolean(),
});

export const ZBenchmarkItem = z.strictObject({
  questionId: z.string(),
  answer: z.union([z.string(), z.array(z.string())]),
  share: z.number().nullable().optional(),
  shares: z.record(z.string(), z.number().nullable()).optional(),
  statement: z.string(),
  statements: z.array(ZStatement),
  ahead: ZScore.nullable(),
  derived: z.boolean(),
});

export const ZRecommendation = z.strictObject({
  questionId: z.string(),
  priority: z.number(),
  title: z.string(),
  text: z.string(),
});

export const ZDimensionScore = z.strictObject({
  id: z.enum(DIMENSIONS),
  score: ZScore.nullable(),
  nationalMean: ZScore,
  answered: z.number().int().min(0),
  total: z.number().int().min(1),
  label: z.string(),
});

export const ZBenchmark = z.strictObject({
  referenceId: z.string(),
  complete: z.boolean(),
  index: z.strictObject({
    score: ZScore.nullable(),
    nationalMean: ZScore,
    complete: z.boolean(),
    level: ZLevel.nullable(),
    nationalLevel: ZLevel,
    dimensions: z.array(ZDimensionScore),
  }),
  items: z.array(ZBenchmarkItem),
  recommendations: z.array(ZRecommendation),
  unanswered: z.array(z.string()),
});
