import "server-only";
import type { TChainEntry } from "../benchmark/year-over-year";
import type { TTargets } from "../benchmark/targets";
import { loadChain, type TChainRow } from "./load-chain";
import { getTargets } from "./get-targets";

/**
 * What the results page and the report show of the years, for the assessment they have already read: its
 * chain (oldest first; the last entry is this one) and its targets.
 */
export async function loadYearView(assessment: TChainRow): Promise<{ chain: TChainEntry[]; targets: TTargets }> {
  const [chain, targets] = await Promise.all([loadChain(assessment), getTargets(assessment.id)]);
  return { chain, targets };
}
