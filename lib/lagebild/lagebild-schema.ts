import { z } from "zod";
import "../validation/zod-de";
import { ZStateCode } from "../profile/states";
import { ZSizeClass } from "../profile/size-class";

/** An estimate with its 95 % confidence interval (low < high), or a full census (census: low = value = high). */
const ZRange = z.strictObject({ value: z.number(), low: z.number(), high: z.number(), census: z.boolean() });

/**
 * GET /api/lagebild → the collective picture (docs/adr/0011-lagebild-estimate.md): `release` (null when suppressed), `coverage` per
 * cell (participants null below k; demo data never counts, `demoData` says whether the instance holds any),
 * `index`, `questions` (participants' shares next to 2020) and `estimates` (null where no estimate is shown;
 * `estimateNote` says why and `missingStates` names the filter's states without participants; docs/adr/0011).
 */
export const ZLagebildResponse = z.strictObject({
  filter: z.strictObject({ state: ZStateCode.nullable(), sizeClass: ZSizeClass.nullable() }),
  k: z.number().int().min(1),
  suppressed: z.boolean(),
  demoData: z.boolean(),
  release: z.strictObject({ releasedAt: z.iso.datetime({ offset: true }), count: z.number().int().min(0) }).nullable(),
  coverage: z.array(
    z.strictObject({
      state: ZStateCode,
      sizeClass: ZSizeClass,
      participants: z.number().int().min(0).nullable(),
      total: z.number().int().min(1),
    }),
  ),
  /** Whole points: the mean from k participants; median, quartiles and histogram only from 2k (docs/adr/0005). */
  index: z
    .union([
      z.strictObject({
        median: z.number(),
        p25: z.number(),
        p75: z.number(),
        mean: z.number(),
        histogram: z.array(z.strictObject({ from: z.number(), to: z.number(), count: z.number().int().min(0) })),
      }),
      z.strictObject({ median: z.null(), p25: z.null(), p75: z.null(), mean: z.number(), histogram: z.null() }),
    ])
    .nullable(),
  questions: z.array(
    z.strictObject({
      id: z.string(),
      shares: z.record(z.string(), z.strictObject({ share2020: z.number().nullable(), participants: z.number() })),
    }),
  ),
  estimates: z
    .strictObject({
      participants: z.number().int(),
      total: z.number().int(),
      strata: z.number().int(),
      degreesOfFreedom: z.number().int().min(1),
      collapsed: z.array(z.strictObject({ state: ZStateCode, sizeClass: ZSizeClass, into: z.array(ZSizeClass) })),
      index: ZRange,
      questions: z.record(z.string(), z.record(z.string(), ZRange)),
    })
    .nullable(),
  estimateNote: z.string().nullable(),
  missingStates: z.array(ZStateCode),
});
export type TLagebildResponse = z.infer<typeof ZLagebildResponse>;
