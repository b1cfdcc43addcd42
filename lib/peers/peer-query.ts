import { z } from "zod";
import "../validation/zod-de";
import { ZStateCode } from "../profile/states";
import { ZSizeClass } from "../profile/size-class";
import { refuseProtoKey } from "../validation/query";

/** Query of GET /api/peers (both filters optional; "" counts as absent, as an HTML form sends it). */
export const ZPeerQuery = refuseProtoKey(
  z.strictObject(
    {
      state: z.preprocess((v) => (v === "" ? undefined : v), ZStateCode.optional()),
      sizeClass: z.preprocess((v) => (v === "" ? undefined : v), ZSizeClass.optional()),
    },
    {
      error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekannter Parameter: ${iss.keys.join(", ")}` : undefined),
    },
  ),
);
export type TPeerQuery = z.infer<typeof ZPeerQuery>;

const ZShare = z.number().min(0).max(100);
/** Whole points of the index (docs/adr/0005). */
const ZPoints = z.number().int().min(0).max(100);

/**
 * Response of GET /api/peers (docs/api.md) and what the pages show: the k-anonymous view
 * (lib/peers/aggregate.ts) with the filter's municipalities in the official register ("n von N") and,
 * on the results page, the band in which the own index lies.
 */
export const ZPeerComparison = z.strictObject({
  filters: z.strictObject({ state: ZStateCode.nullable(), sizeClass: ZSizeClass.nullable() }),
  k: z.number().int().min(5),
  /** Municipalities in the comparison; null when suppressed (not even the count is shown then). */
  count: z.number().int().min(0).nullable(),
  suppressed: z.boolean(),
  /** Per question: % of the peers that chose each option, every option listed. Empty when suppressed. */
  questions: z.array(z.strictObject({ id: z.string(), shares: z.record(z.string(), ZShare) })),
  /**
   * The peers' index in whole points: the mean from k municipalities; median and quartiles only from 2k
   * (null below). Null when suppressed.
   */
  index: z
    .union([
      z.strictObject({ mean: ZPoints, median: ZPoints, p25: ZPoints, p75: ZPoints }),
      z.strictObject({ mean: ZPoints, median: z.null(), p25: z.null(), p75: z.null() }),
    ])
    .nullable(),
  /** Municipalities of the filter in the official register ("n von N Kommunen"). */
  registerTotal: z.number().int().min(0),
  /**
   * Where the own submitted, verified assessment lies against the published quartiles (results page and own
   * comparison only); null for a draft, an unverified assessment, or a group without quartiles.
   */
  ownBand: z.enum(["lower_quarter", "second_quarter", "third_quarter", "upper_quarter"]).nullable(),
  /**
   * "Stand: 3. Dezember 2026, 112 Kommunen": the newest release among the cells shown and the number of
   * municipalities counted. Null when suppressed.
   */
  release: z.strictObject({ releasedAt: z.iso.datetime(), count: z.number().int().min(0) }).nullable(),
  /** The own municipality has a change that the next release of its cell will count (results page only). */
  ownPending: z.boolean(),
});
export type TPeerComparison = z.infer<typeof ZPeerComparison>;
