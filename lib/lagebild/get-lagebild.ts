import "server-only";
import { loadLagebildCells } from "./lagebild-cells";
import { getEnv } from "../env";
import { countUnits } from "../municipalities/register";
import { ZPeerQuery } from "../peers/peer-query";
import type { TPeerCell } from "../peers/aggregate";
import { reference } from "../survey/reference";
import { toFieldIssues } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { buildLagebild, type TLagebild } from "./build-lagebild";
import type { TLagebildResponse } from "./lagebild-schema";

// Per release and filter: the cells' array stays the same object while the pool's version is unchanged.
const memo = new WeakMap<readonly TPeerCell[], Map<string, TLagebild>>();

/** The Lagebild for a filter (/lagebild, /api/lagebild, its exports): validated like the peer comparison. */
export async function getLagebild(input: unknown): Promise<TResult<TLagebild, TAssessmentError>> {
  const parsed = ZPeerQuery.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
  const { cells, demoData } = await loadLagebildCells();
  const key = `${parsed.data.state ?? ""}|${parsed.data.sizeClass ?? ""}`;
  const byFilter = memo.get(cells) ?? new Map<string, TLagebild>();
  memo.set(cells, byFilter);
  let built = byFilter.get(key);
  if (!built) {
    built = buildLagebild({
      cells,
      registerCount: countUnits,
      filter: parsed.data,
      k: getEnv().PEER_K,
      ref: reference,
      demoData,
    });
    byFilter.set(key, built);
  }
  return ok(built);
}

const files = new WeakMap<TLagebild, Map<string, Promise<unknown>>>();

/**
 * A download of a Lagebild (PDF, XLSX, CSV), rendered once per Lagebild (release and filter), format and day in
 * Germany (the files carry the date): a PDF takes some 300 ms, and anyone may ask for it any number of times.
 */
export function lagebildFile<T>(l: TLagebild, format: string, now: Date, render: () => Promise<T> | T): Promise<T> {
  const byFormat = files.get(l) ?? new Map<string, Promise<unknown>>();
  files.set(l, byFormat);
  const key = `${format}|${now.toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" })}`;
  let file = byFormat.get(key) as Promise<T> | undefined;
  if (!file) {
    file = Promise.resolve().then(render);
    byFormat.set(key, file);
    // A failed render is not kept: the next request tries again.
    file.catch(() => byFormat.delete(key));
  }
  return file;
}

/** The JSON of GET /api/lagebild. */
export function toLagebildResponse(l: TLagebild): TLagebildResponse {
  return {
    filter: l.filter,
    k: l.k,
    suppressed: l.suppressed,
    demoData: l.demoData,
    release: l.release,
    coverage: l.coverage,
    index: !l.index
      ? null
      : l.index.stats.median === null || !l.index.histogram
        ? { mean: l.index.stats.mean, median: null, p25: null, p75: null, histogram: null }
        : { ...l.index.stats, histogram: l.index.histogram },
    questions: l.questions.map((q) => ({
      id: q.id,
      shares: Object.fromEntries(q.options.map((o) => [o.id, { share2020: o.share2020, participants: o.share }])),
    })),
    estimates: l.estimate.shown
      ? {
          participants: l.estimate.participants,
          total: l.estimate.total,
          strata: l.estimate.strata,
          degreesOfFreedom: l.estimate.degreesOfFreedom,
          collapsed: l.estimate.collapsed,
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
    missingStates: l.estimate.missingStates,
  };
}
