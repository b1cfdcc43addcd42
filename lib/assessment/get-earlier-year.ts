import "server-only";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { chainLabels, type TChainEntry } from "../benchmark/year-over-year";
import type { TAssessmentView } from "./assessment-view";
import { findAssessmentByToken } from "./find-assessment";
import { loadChain } from "./load-chain";

/** An earlier year of a chain, read through the chain's edit link (its label as everywhere, periodLabels). */
export type TEarlierYear = {
  /** The newest assessment, the one the link opens. */
  head: TAssessmentView;
  entry: TChainEntry;
  label: string;
  /** Every year of the chain with its label, oldest first (the page links the other earlier ones). */
  years: { id: string; label: string; newest: boolean }[];
};

/**
 * An earlier assessment of the chain behind an edit link, to be read only (ADR 0010: earlier years have no link
 * of their own; they are read through the newest). `value` is "newest" for the newest itself (the results page)
 * and null when `id` names no year of this chain (another municipality's assessment, or nothing): a link opens
 * only its own years.
 */
export async function getEarlierYear(
  token: string,
  id: string,
): Promise<TResult<TEarlierYear | "newest" | null, TAssessmentError>> {
  const head = await findAssessmentByToken(token);
  if (!head) return err({ kind: "assessment_not_found" });
  if (id === head.id) return ok("newest");
  const chain = await loadChain(head);
  const labels = chainLabels(chain);
  const at = chain.findIndex((e) => e.id === id);
  if (at < 0) return ok(null);
  return ok({
    head,
    entry: chain[at]!,
    label: labels[at]!,
    years: chain.map((e, i) => ({ id: e.id, label: labels[i]!, newest: e.id === head.id })),
  });
}
