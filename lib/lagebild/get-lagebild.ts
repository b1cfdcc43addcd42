import "server-only";
import { loadPeerCells } from "../db/peer-cells";
import { getEnv } from "../env";
import { countByStateAndSizeClass } from "../municipalities/register";
import { ZPeerQuery } from "../peers/peer-query";
import type { TPeerCell } from "../peers/aggregate";
import { reference } from "../survey/reference";
import { toFieldIssues } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../assessment/errors";
import { buildLagebild, type TLagebild } from "./build-lagebild";
import type { TLagebildResponse } from "./lagebild-schema";

// Per release and filter: the cells' array stays the same object while the pool's version is unchanged.
const memo = new WeakMap<readonly TPeerCell[], Map<string, TLagebild>>();

/** The Lagebild for a filter (/lagebild, /api/lagebild, its exports): validated like the peer comparison. */
export async function getLagebild(input: unknown): Promise<TResult<TLagebild, TAssessmentError>> {
  const parsed = ZPeerQuery.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
  const cells = await loadPeerCells();
  const key = `${parsed.data.state ?? ""}|${parsed.data.sizeClass ?? ""}`;
  const byFilter = memo.get(cells) ?? new Map<string, TLagebild>();
  memo.set(cells, byFilter);
  let built = byFilter.get(key);
  if (!built) {
    built = buildLagebild({
      cells,
      registerCount: countByStateAndSizeClass,
      filter: parsed.data,
      k: getEnv().PEER_K,
      ref: reference,
    });
    byFilter.set(key, built);
  }
  return ok(built);
}

/** The JSON of GET /api/lagebild. */
export function toLagebildResponse(l: TLagebild): TLagebildResponse {
  return {
    filter: l.filter,
    k: l.k,
    suppressed: l.suppressed,
    release: l.release,
    coverage: l.coverage,
    index: l.index ? { ...l.index.stats, histogram: l.index.histogram } : null,
    questions: l.questions.map((q) => ({
      id: q.id,
      shares: Object.fromEntries(q.options.map((o) => [o.id, { share2020: o.share2020, participants: o.share }])),
    })),
    estimates:
      l.estimate.shown && !l.suppressed
        ? {
            participants: l.estimate.participants,
            total: l.estimate.total,
            strata: l.estimate.strata,
            mergedSizeClasses: l.estimate.merged,
            index: l.estimate.index,
            questions: Object.fromEntries(
              l.questions.map((q) => [
                q.id,
                Object.fromEntries(q.options.filter((o) => o.estimate).map((o) => [o.id, o.estimate!])),
              ]),
            ),
          }
        : null,
    estimateNote: l.estimate.shown ? null : l.estimate.reason,
  };
}
